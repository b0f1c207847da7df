#include "backend/botan/certificate_decoder.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "dpslint/backend.hpp"

#include "backend/botan/der_reader.hpp"
#include "backend/botan/der_values.hpp"
#include "backend/botan/digest.hpp"
#include "backend/botan/errors.hpp"
#include "backend/botan/extensions.hpp"
#include "backend/botan/names.hpp"
#include "backend/botan/public_key.hpp"
#include "backend/botan/signature_algorithm.hpp"
#include "backend/botan/validity.hpp"

namespace dpslint::botan {

namespace {

// Runs `step`, turning a DerError into ParseError("<context>: <reason>").
template <typename Step>
auto with_context(const char* context, Step step) {
    try {
        return step();
    } catch (const DerError& e) {
        throw ParseError(std::string(context) + ": " + e.what());
    }
}

struct Envelope {
    Tlv tbs;
    Tlv signature_algorithm;
    bool signature_whole_octets = true;
};

// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
Envelope read_envelope(ByteView der) {
    if (der.empty())
        throw ParseError("not a DER certificate: empty input");
    const std::string_view start(reinterpret_cast<const char*>(der.data()),
                                 std::min<std::size_t>(der.size(), 10));
    if (start == "-----BEGIN")
        throw ParseError("not a DER certificate: PEM text (decode it first)");
    return with_context("not a DER certificate", [&] {
        const Tlv whole = DerReader(der).read();
        if (!whole.is_sequence())
            throw DerError("expected a SEQUENCE");
        if (whole.encoding.size() != der.size())
            throw ParseError("trailing bytes after certificate");
        check_der_tree(der);
        DerReader reader(whole.content);
        Envelope out{reader.read_sequence("tbsCertificate"),
                     reader.read_sequence("signatureAlgorithm")};
        out.signature_whole_octets =
            read_bit_string(reader.read(), "signatureValue").unused_bits == 0;
        reader.expect_end("Certificate");
        return out;
    });
}

int read_version(DerReader& tbs) {
    // version [0] EXPLICIT INTEGER DEFAULT v1
    const auto wrapper = tbs.read_optional(TagClass::context, 0, true);
    if (!wrapper)
        return 1;
    DerReader inner(wrapper->content);
    const auto value = read_small_integer(inner.read(), "version");
    inner.expect_end("version");
    if (!value)
        throw ParseError("unsupported certificate version");
    if (*value < 0 || *value > 2)
        throw ParseError("unsupported certificate version " + std::to_string(*value + 1));
    return static_cast<int>(*value) + 1;
}

std::shared_ptr<const BotanCertificate> make_native(ByteView der, bool algorithms_match,
                                                    bool signature_whole_octets,
                                                    DecodedPublicKey key) {
    std::unique_ptr<const SignedObject> signed_object;
    std::string signed_error;
    try {
        signed_object = std::make_unique<const SignedObject>(der);
    } catch (const std::exception& e) {
        signed_error = one_line(e.what());
    }
    return std::make_shared<const BotanCertificate>(
        std::move(signed_object), std::move(signed_error), algorithms_match, signature_whole_octets,
        std::move(key.key), std::move(key.load_error));
}

}  // namespace

DecodedCertificate decode_certificate(ByteView der) {
    const Envelope envelope = read_envelope(der);

    DecodedCertificate out;
    CertificateFields& f = out.fields;
    f.der.assign(der.begin(), der.end());
    f.sha1 = digest_hex("SHA-1", der);
    f.sha256 = digest_hex("SHA-256", der);

    DerReader tbs(envelope.tbs.content);
    f.version = with_context("malformed tbsCertificate", [&] { return read_version(tbs); });

    const auto serial = with_context("malformed tbsCertificate", [&] {
        return integer_value(tbs.read(TagClass::universal, tag::integer, false, "serialNumber"),
                             "serialNumber");
    });
    f.serial_hex = serial.magnitude_hex;
    f.serial_negative = serial.negative;
    f.serial_octets = serial.content_octets;

    const Tlv inner_algorithm = with_context("malformed tbsCertificate", [&] {
        Tlv algorithm = tbs.read_sequence("signature");
        decode_signature_algorithm(algorithm);  // only checks its structure
        return algorithm;
    });
    f.issuer = with_context("malformed issuer name",
                            [&] { return decode_name(tbs.read_sequence("issuer")); });

    const Tlv validity =
        with_context("malformed tbsCertificate", [&] { return tbs.read_sequence("validity"); });
    const auto [not_before, not_after] = with_context("malformed validity", [&] {
        DerReader times(validity.content);
        std::pair<Tlv, Tlv> both{times.read(), times.read()};
        times.expect_end("Validity");
        return both;
    });
    f.not_before = decode_time(not_before, "notBefore");
    f.not_after = decode_time(not_after, "notAfter");

    f.subject = with_context("malformed subject name",
                             [&] { return decode_name(tbs.read_sequence("subject")); });
    DecodedPublicKey key = with_context("malformed subjectPublicKeyInfo", [&] {
        return decode_public_key(tbs.read_sequence("subjectPublicKeyInfo"));
    });
    f.public_key = key.info;

    with_context("malformed tbsCertificate", [&] {
        // issuerUniqueID [1] and subjectUniqueID [2] (IMPLICIT BIT STRING) are not reported.
        if (auto id = tbs.read_optional(TagClass::context, 1, false))
            bit_string_content(id->content, "issuerUniqueID");
        if (auto id = tbs.read_optional(TagClass::context, 2, false))
            bit_string_content(id->content, "subjectUniqueID");
        if (auto wrapper = tbs.read_optional(TagClass::context, 3, true)) {
            DerReader inner(wrapper->content);
            const Tlv list = inner.read_sequence("extensions");
            inner.expect_end("extensions");
            f.extensions = decode_extensions(list);
        }
        tbs.expect_end("tbsCertificate");
    });

    f.signature_algorithm = with_context("malformed signatureAlgorithm", [&] {
        return decode_signature_algorithm(envelope.signature_algorithm);
    });

    const bool algorithms_match =
        std::ranges::equal(inner_algorithm.encoding, envelope.signature_algorithm.encoding);
    out.native =
        make_native(der, algorithms_match, envelope.signature_whole_octets, std::move(key));
    return out;
}

}  // namespace dpslint::botan
