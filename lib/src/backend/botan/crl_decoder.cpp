#include "backend/botan/crl_decoder.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "dpslint/backend.hpp"

#include "backend/botan/der_reader.hpp"
#include "backend/botan/der_values.hpp"
#include "backend/botan/digest.hpp"
#include "backend/botan/distribution_points.hpp"
#include "backend/botan/errors.hpp"
#include "backend/botan/extensions.hpp"
#include "backend/botan/general_names.hpp"
#include "backend/botan/names.hpp"
#include "backend/botan/signature_algorithm.hpp"
#include "backend/botan/validity.hpp"

namespace dpslint::botan {

namespace {

constexpr std::uint32_t enumerated_tag = 10;

template <typename Step>
auto with_context(const std::string& context, Step step) {
    try {
        return step();
    } catch (const DerError& e) {
        throw ParseError(context + ": " + e.what());
    }
}

struct RawExtension {
    std::string oid;
    bool critical = false;
    ByteView value;
};

// Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; a repeated OID is an error.
std::vector<RawExtension> read_extensions(const Tlv& sequence, const char* what) {
    if (!sequence.is_sequence())
        throw DerError(std::string("expected ") + what);
    std::vector<RawExtension> out;
    std::set<std::string> seen;
    DerReader reader(sequence.content);
    while (!reader.at_end()) {
        DerReader fields(reader.read_sequence("Extension").content);
        RawExtension e;
        e.oid = read_oid(fields.read(), "extnID");
        if (auto flag = fields.read_optional(TagClass::universal, tag::boolean, false))
            e.critical = read_boolean(*flag, "critical");
        e.value = read_octet_string(fields.read(), "extnValue");
        fields.expect_end("Extension");
        if (!seen.insert(e.oid).second)
            throw DerError("duplicate extension " + e.oid);
        out.push_back(e);
    }
    return out;
}

// Decodes one known extension value; failures name the extension.
template <typename Decode>
void decode_value(const RawExtension& e, const char* name, Decode decode) {
    try {
        check_der_tree(e.value);
        decode(read_single(e.value, name));
    } catch (const DerError&) {
        throw ParseError(std::string("malformed ") + name + " extension");
    }
}

std::string non_negative_hex(const Tlv& tlv, const char* what) {
    if (!tlv.is_universal(tag::integer))
        throw DerError(std::string("expected INTEGER in ") + what);
    const IntegerValue value = integer_value(tlv, what);
    if (value.negative)
        throw DerError(std::string("negative ") + what);
    return value.magnitude_hex;
}

bool context_boolean(const Tlv& tlv, const char* what) {
    if (tlv.content.size() != 1)
        throw DerError(std::string("malformed BOOLEAN in ") + what);
    return tlv.content[0] != 0;
}

IssuingDistributionPoint issuing_distribution_point(const Tlv& value) {
    // SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
    //   onlyContainsUserCerts [1] BOOLEAN DEFAULT FALSE, onlyContainsCACerts [2] BOOLEAN DEFAULT
    //   FALSE, onlySomeReasons [3] ReasonFlags OPTIONAL, indirectCRL [4] BOOLEAN DEFAULT FALSE,
    //   onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    DerReader reader(value.content);
    IssuingDistributionPoint out;
    if (auto name = reader.read_optional(TagClass::context, 0, true))
        out.name = decode_distribution_point_name(*name);
    if (auto flag = reader.read_optional(TagClass::context, 1, false))
        out.only_user_certs = context_boolean(*flag, "onlyContainsUserCerts");
    if (auto flag = reader.read_optional(TagClass::context, 2, false))
        out.only_ca_certs = context_boolean(*flag, "onlyContainsCACerts");
    if (auto reasons = reader.read_optional(TagClass::context, 3, false))
        out.only_some_reasons = decode_reason_flags(reasons->content);
    if (auto flag = reader.read_optional(TagClass::context, 4, false))
        out.indirect_crl = context_boolean(*flag, "indirectCRL");
    if (auto flag = reader.read_optional(TagClass::context, 5, false))
        out.only_attribute_certs = context_boolean(*flag, "onlyContainsAttributeCerts");
    reader.expect_end("IssuingDistributionPoint");
    return out;
}

void decode_crl_extensions(const Tlv& list, CrlFields& f) {
    for (const auto& e : with_context("malformed crlExtensions",
                                      [&] { return read_extensions(list, "crlExtensions"); })) {
        f.extensions.push_back(ExtensionInfo{e.oid, e.critical});
        if (e.oid == oid_crl_number) {
            decode_value(e, "cRLNumber",
                         [&](const Tlv& v) { f.crl_number = non_negative_hex(v, "CRLNumber"); });
        } else if (e.oid == oid_delta_crl_indicator) {
            decode_value(e, "deltaCRLIndicator", [&](const Tlv& v) {
                f.delta_crl_base = non_negative_hex(v, "BaseCRLNumber");
            });
        } else if (e.oid == oid_issuing_distribution_point) {
            decode_value(e, "issuingDistributionPoint", [&](const Tlv& v) {
                f.issuing_distribution_point = issuing_distribution_point(v);
                f.issuing_distribution_point->critical = e.critical;
            });
        } else if (e.oid == oid_authority_key_identifier) {
            decode_value(e, "authorityKeyIdentifier", [&](const Tlv& v) {
                f.authority_key_identifier = decode_authority_key_identifier(v);
                f.authority_key_identifier->critical = e.critical;
            });
        }
    }
}

void decode_entry_extensions(const Tlv& list, CrlEntry& entry) {
    for (const auto& e : with_context("malformed crlEntryExtensions", [&] {
             return read_extensions(list, "crlEntryExtensions");
         })) {
        entry.extensions.push_back(ExtensionInfo{e.oid, e.critical});
        if (e.oid == oid_crl_reason) {
            decode_value(e, "reasonCode", [&](const Tlv& v) {
                if (!v.is_universal(enumerated_tag))
                    throw DerError("expected ENUMERATED");
                integer_value(v, "CRLReason");
                const auto code = v.content.size() == 1 ? v.content[0] : 0xFF;
                entry.reason = revocation_reason_from_code(code);
                if (!entry.reason)
                    throw DerError("unknown CRLReason");
            });
        } else if (e.oid == oid_certificate_issuer) {
            decode_value(e, "certificateIssuer", [&](const Tlv& v) {
                entry.certificate_issuer = decode_general_names(v, IpForm::address);
                if (entry.certificate_issuer->empty())
                    throw DerError("empty GeneralNames");
            });
        }
    }
}

CrlEntry decode_entry(const Tlv& element) {
    CrlEntry entry;
    with_context("malformed revokedCertificates entry", [&] {
        if (!element.is_sequence())
            throw DerError("expected SEQUENCE");
        DerReader fields(element.content);
        const auto serial =
            integer_value(fields.read(TagClass::universal, tag::integer, false, "userCertificate"),
                          "userCertificate");
        entry.serial_hex = serial.magnitude_hex;
        entry.serial_negative = serial.negative;
        entry.revocation_date = decode_time(fields.read(), "revocationDate");
        if (!fields.at_end())
            decode_entry_extensions(fields.read_sequence("crlEntryExtensions"), entry);
        fields.expect_end("revokedCertificates entry");
        return 0;
    });
    return entry;
}

}  // namespace

CrlPtr decode_crl(ByteView der) {
    if (der.empty())
        throw ParseError("not a DER CRL: empty input");
    struct Envelope {
        Tlv tbs;
        Tlv algorithm;
    };
    const Envelope envelope = with_context("not a DER CRL", [&] {
        const Tlv whole = DerReader(der).read();
        if (!whole.is_sequence())
            throw DerError("expected a SEQUENCE");
        if (whole.encoding.size() != der.size())
            throw ParseError("trailing bytes after CRL");
        check_der_tree(der);
        DerReader reader(whole.content);
        Envelope out{reader.read_sequence("tbsCertList"),
                     reader.read_sequence("signatureAlgorithm")};
        read_bit_string(reader.read(), "signatureValue");
        reader.expect_end("CertificateList");
        return out;
    });

    CrlFields f;
    f.der.assign(der.begin(), der.end());
    f.sha256 = digest_hex("SHA-256", der);
    DerReader tbs(envelope.tbs.content);
    const Tlv inner_algorithm = with_context("malformed tbsCertList", [&] {
        if (auto version = tbs.read_optional(TagClass::universal, tag::integer, false)) {
            const auto value = read_small_integer(*version, "version");
            if (!value || (*value != 0 && *value != 1))
                throw ParseError("unsupported CRL version");
            f.version = static_cast<int>(*value) + 1;
        }
        Tlv algorithm = tbs.read_sequence("signature");
        decode_signature_algorithm(algorithm);
        return algorithm;
    });
    f.issuer = with_context("malformed CRL issuer name",
                            [&] { return decode_name(tbs.read_sequence("issuer")); });
    f.this_update = decode_time(with_context("malformed tbsCertList", [&] { return tbs.read(); }),
                                "thisUpdate");
    with_context("malformed tbsCertList", [&] {
        if (auto next = tbs.read_optional(TagClass::universal, tag::utc_time, false)) {
            f.next_update = decode_time(*next, "nextUpdate");
        } else if (auto next_g =
                       tbs.read_optional(TagClass::universal, tag::generalized_time, false)) {
            f.next_update = decode_time(*next_g, "nextUpdate");
        }
        if (auto revoked = tbs.read_optional(TagClass::universal, tag::sequence, true)) {
            DerReader entries(revoked->content);
            while (!entries.at_end())
                f.entries.push_back(decode_entry(entries.read()));
        }
        if (auto wrapper = tbs.read_optional(TagClass::context, 0, true)) {
            DerReader inner(wrapper->content);
            const Tlv list = inner.read_sequence("crlExtensions");
            inner.expect_end("crlExtensions");
            decode_crl_extensions(list, f);
        }
        tbs.expect_end("tbsCertList");
        return 0;
    });
    f.signature_algorithm = with_context("malformed signatureAlgorithm", [&] {
        return decode_signature_algorithm(envelope.algorithm);
    });

    std::unique_ptr<const SignedObject> signed_object;
    std::string signed_error;
    try {
        signed_object = std::make_unique<const SignedObject>(der);
    } catch (const std::exception& e) {
        signed_error = one_line(e.what());
    }
    auto native = std::make_shared<const BotanCrl>(
        std::move(signed_object), std::move(signed_error),
        std::ranges::equal(inner_algorithm.encoding, envelope.algorithm.encoding));
    return std::make_shared<const Crl>(std::move(f), std::move(native));
}

}  // namespace dpslint::botan
