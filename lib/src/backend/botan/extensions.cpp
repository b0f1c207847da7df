#include "backend/botan/extensions.hpp"

#include <climits>
#include <set>
#include <string>
#include <utility>

#include "dpslint/backend.hpp"

#include "backend/botan/der_values.hpp"
#include "backend/botan/distribution_points.hpp"
#include "backend/botan/general_names.hpp"
#include "x509/extension_checks.hpp"

namespace dpslint::botan {

namespace {

BasicConstraints basic_constraints(const Tlv& value) {
    // SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    DerReader reader(value.content);
    BasicConstraints out;
    if (auto ca = reader.read_optional(TagClass::universal, tag::boolean, false))
        out.ca = read_boolean(*ca, "cA");
    if (auto path_len = reader.read_optional(TagClass::universal, tag::integer, false)) {
        const auto n = read_small_integer(*path_len, "pathLenConstraint");
        if (!n || *n < 0 || *n > INT_MAX)
            throw DerError("pathLenConstraint out of range");
        out.path_len = static_cast<int>(*n);
    }
    reader.expect_end("BasicConstraints");
    return out;
}

KeyUsage key_usage(const Tlv& value) {
    // KeyUsage ::= BIT STRING; DER bit n (0 = digitalSignature ... 8 = decipherOnly) is 1 << n.
    const BitString bits = read_bit_string(value, "KeyUsage");
    KeyUsage out;
    for (unsigned n = 0; n <= 8; ++n) {
        const std::size_t octet = n / 8;
        if (octet < bits.bytes.size() && (bits.bytes[octet] & (0x80u >> (n % 8))) != 0)
            out.bits = static_cast<std::uint16_t>(out.bits | (1u << n));
    }
    return out;
}

std::vector<std::string> oid_sequence(const Tlv& value, const char* what) {
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    std::vector<std::string> out;
    DerReader reader(value.content);
    while (!reader.at_end())
        out.push_back(read_oid(reader.read(), what));
    return out;
}

ExtendedKeyUsage extended_key_usage(const Tlv& value) {
    ExtendedKeyUsage out;
    out.oids = oid_sequence(value, "KeyPurposeId");
    return out;
}

SubjectKeyIdentifier subject_key_identifier(const Tlv& value) {
    SubjectKeyIdentifier out;
    out.key_id = to_hex_upper(read_octet_string(value, "KeyIdentifier"));
    return out;
}

AuthorityKeyIdentifier authority_key_identifier(const Tlv& value) {
    // SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL,
    //            authorityCertIssuer [1] IMPLICIT GeneralNames OPTIONAL,
    //            authorityCertSerialNumber [2] IMPLICIT INTEGER OPTIONAL }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    DerReader reader(value.content);
    AuthorityKeyIdentifier out;
    if (auto key_id = reader.read_optional(TagClass::context, 0, false))
        out.key_id = to_hex_upper(key_id->content);
    if (auto issuer = reader.read_optional(TagClass::context, 1, true)) {
        // Not reported, but it must decode (OpenSSL decodes it too).
        DerReader names(issuer->content);
        while (!names.at_end())
            decode_general_name(names.read(), IpForm::any);
    }
    if (auto serial = reader.read_optional(TagClass::context, 2, false))
        out.issuer_serial = integer_value(*serial, "authorityCertSerialNumber").magnitude_hex;
    reader.expect_end("AuthorityKeyIdentifier");
    return out;
}

SubjectAltName subject_alt_name(const Tlv& value) {
    SubjectAltName out;
    out.names = decode_general_names(value, IpForm::address);
    return out;
}

std::vector<GeneralName> subtrees(const Tlv& list) {
    // GeneralSubtrees ::= SEQUENCE OF GeneralSubtree (here IMPLICIT-tagged)
    // GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] DEFAULT 0, maximum [1] OPTIONAL }
    std::vector<GeneralName> out;
    DerReader reader(list.content);
    if (reader.at_end())
        throw DerError("empty GeneralSubtrees");
    while (!reader.at_end()) {
        const Tlv subtree = reader.read_sequence("GeneralSubtree");
        DerReader fields(subtree.content);
        out.push_back(decode_general_name(fields.read(), IpForm::subnet));
        if (auto minimum = fields.read_optional(TagClass::context, 0, false))
            integer_value(*minimum, "minimum");
        if (auto maximum = fields.read_optional(TagClass::context, 1, false))
            integer_value(*maximum, "maximum");
        fields.expect_end("GeneralSubtree");
    }
    return out;
}

NameConstraints name_constraints(const Tlv& value) {
    // SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
    //            excludedSubtrees [1] GeneralSubtrees OPTIONAL }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    DerReader reader(value.content);
    NameConstraints out;
    if (auto permitted = reader.read_optional(TagClass::context, 0, true))
        out.permitted = subtrees(*permitted);
    if (auto excluded = reader.read_optional(TagClass::context, 1, true))
        out.excluded = subtrees(*excluded);
    reader.expect_end("NameConstraints");
    return out;
}

// DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }
void check_display_text(const Tlv& value) {
    if (!value.is_universal(tag::ia5_string) && !value.is_universal(tag::visible_string)
        && !value.is_universal(tag::bmp_string) && !value.is_universal(tag::utf8_string)) {
        throw DerError("expected DisplayText");
    }
    if (value.is_universal(tag::bmp_string) && value.content.size() % 2 != 0)
        throw DerError("BMPString of odd length");
}

// UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL }
// NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF INTEGER }
void check_user_notice(const Tlv& notice) {
    if (!notice.is_sequence())
        throw DerError("expected UserNotice");
    DerReader reader(notice.content);
    if (auto reference = reader.read_optional(TagClass::universal, tag::sequence, true)) {
        DerReader fields(reference->content);
        check_display_text(fields.read());
        DerReader numbers(fields.read_sequence("noticeNumbers").content);
        while (!numbers.at_end())
            read_small_integer(numbers.read(), "noticeNumbers");
        fields.expect_end("NoticeReference");
    }
    if (!reader.at_end())
        check_display_text(reader.read());
    reader.expect_end("UserNotice");
}

// PolicyQualifierInfo ::= SEQUENCE { policyQualifierId OID, qualifier ANY DEFINED BY it }, checked
// as OpenSSL decodes it: CPS pointers are IA5Strings, user notices UserNotice, others any value.
void check_policy_qualifier(const Tlv& qualifier) {
    if (!qualifier.is_sequence())
        throw DerError("expected PolicyQualifierInfo");
    DerReader reader(qualifier.content);
    const std::string id = read_oid(reader.read(), "policyQualifierId");
    const Tlv value = reader.read();
    reader.expect_end("PolicyQualifierInfo");
    if (id == "1.3.6.1.5.5.7.2.1" && !value.is_universal(tag::ia5_string))
        throw DerError("CPS qualifier is not an IA5String");
    if (id == "1.3.6.1.5.5.7.2.2")
        check_user_notice(value);
}

CertificatePolicies certificate_policies(const Tlv& value) {
    // SEQUENCE OF PolicyInformation { policyIdentifier OID,
    //                                 policyQualifiers SEQUENCE OF PolicyQualifierInfo OPTIONAL }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    CertificatePolicies out;
    DerReader reader(value.content);
    while (!reader.at_end()) {
        const Tlv info = reader.read_sequence("PolicyInformation");
        DerReader fields(info.content);
        out.oids.push_back(read_oid(fields.read(), "policyIdentifier"));
        if (auto qualifiers = fields.read_optional(TagClass::universal, tag::sequence, true)) {
            DerReader list(qualifiers->content);
            while (!list.at_end())
                check_policy_qualifier(list.read());
        }
        fields.expect_end("PolicyInformation");
    }
    return out;
}

PolicyMappings policy_mappings(const Tlv& value) {
    // SEQUENCE OF SEQUENCE { issuerDomainPolicy OID, subjectDomainPolicy OID }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    PolicyMappings out;
    DerReader reader(value.content);
    while (!reader.at_end()) {
        DerReader fields(reader.read_sequence("PolicyMapping").content);
        PolicyMapping mapping;
        mapping.issuer_domain_policy = read_oid(fields.read(), "issuerDomainPolicy");
        mapping.subject_domain_policy = read_oid(fields.read(), "subjectDomainPolicy");
        fields.expect_end("PolicyMapping");
        out.mappings.push_back(std::move(mapping));
    }
    return out;
}

PolicyConstraints policy_constraints(const Tlv& value) {
    // SEQUENCE { requireExplicitPolicy [0] IMPLICIT SkipCerts OPTIONAL,
    //            inhibitPolicyMapping [1] IMPLICIT SkipCerts OPTIONAL }
    if (!value.is_sequence())
        throw DerError("expected SEQUENCE");
    DerReader reader(value.content);
    PolicyConstraints out;
    if (auto require = reader.read_optional(TagClass::context, 0, false))
        out.require_explicit_policy = skip_certs(*require, "requireExplicitPolicy");
    if (auto inhibit = reader.read_optional(TagClass::context, 1, false))
        out.inhibit_policy_mapping = skip_certs(*inhibit, "inhibitPolicyMapping");
    reader.expect_end("PolicyConstraints");
    return out;
}

InhibitAnyPolicy inhibit_any_policy(const Tlv& value) {
    if (!value.is_universal(tag::integer))
        throw DerError("expected INTEGER");
    InhibitAnyPolicy out;
    out.skip_certs = skip_certs(value, "SkipCerts");
    return out;
}

CrlDistributionPoints crl_distribution_points(const Tlv& value) {
    CrlDistributionPoints out;
    out.points = decode_distribution_points(value);
    return out;
}

// Decodes the extnValue of a typed extension with `decode`, which sees the single element inside
// the OCTET STRING. A value that does not decode is recorded as a problem, not thrown: the
// certificate is still a certificate.
template <typename T, typename Decode>
std::optional<T> typed(ByteView extn_value, bool critical, const char* name, Decode decode,
                       const std::string& oid, Extensions& out) {
    try {
        check_der_tree(extn_value);
        T value = decode(read_single(extn_value, name));
        value.critical = critical;
        return value;
    } catch (const DerError&) {
        out.problems.push_back(ExtensionProblem{oid, ExtensionProblemKind::malformed, {}});
        return std::nullopt;
    }
}

void decode_typed(const std::string& oid, bool critical, ByteView value, Extensions& out) {
    if (oid == oid_basic_constraints) {
        out.basic_constraints = typed<BasicConstraints>(value, critical, "basicConstraints",
                                                        basic_constraints, oid, out);
    } else if (oid == oid_key_usage) {
        out.key_usage = typed<KeyUsage>(value, critical, "keyUsage", key_usage, oid, out);
    } else if (oid == oid_extended_key_usage) {
        out.extended_key_usage = typed<ExtendedKeyUsage>(value, critical, "extendedKeyUsage",
                                                         extended_key_usage, oid, out);
    } else if (oid == oid_subject_key_identifier) {
        out.subject_key_identifier = typed<SubjectKeyIdentifier>(
            value, critical, "subjectKeyIdentifier", subject_key_identifier, oid, out);
    } else if (oid == oid_authority_key_identifier) {
        out.authority_key_identifier = typed<AuthorityKeyIdentifier>(
            value, critical, "authorityKeyIdentifier", authority_key_identifier, oid, out);
    } else if (oid == oid_subject_alt_name) {
        out.subject_alt_name =
            typed<SubjectAltName>(value, critical, "subjectAltName", subject_alt_name, oid, out);
    } else if (oid == oid_name_constraints) {
        out.name_constraints =
            typed<NameConstraints>(value, critical, "nameConstraints", name_constraints, oid, out);
    } else if (oid == oid_certificate_policies) {
        out.certificate_policies = typed<CertificatePolicies>(
            value, critical, "certificatePolicies", certificate_policies, oid, out);
    } else if (oid == oid_policy_mappings) {
        out.policy_mappings =
            typed<PolicyMappings>(value, critical, "policyMappings", policy_mappings, oid, out);
    } else if (oid == oid_policy_constraints) {
        out.policy_constraints = typed<PolicyConstraints>(value, critical, "policyConstraints",
                                                          policy_constraints, oid, out);
    } else if (oid == oid_inhibit_any_policy) {
        out.inhibit_any_policy = typed<InhibitAnyPolicy>(value, critical, "inhibitAnyPolicy",
                                                         inhibit_any_policy, oid, out);
    } else if (oid == oid_crl_distribution_points) {
        out.crl_distribution_points = typed<CrlDistributionPoints>(
            value, critical, "cRLDistributionPoints", crl_distribution_points, oid, out);
    }
}

}  // namespace

AuthorityKeyIdentifier decode_authority_key_identifier(const Tlv& value) {
    return authority_key_identifier(value);
}

Extensions decode_extensions(const Tlv& sequence) {
    Extensions out;
    std::set<std::string> seen;
    try {
        if (!sequence.is_sequence())
            throw DerError("expected SEQUENCE");
        DerReader reader(sequence.content);
        while (!reader.at_end()) {
            // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE,
            //                          extnValue OCTET STRING }
            const Tlv extension = reader.read_sequence("Extension");
            DerReader fields(extension.content);
            std::string oid = read_oid(fields.read(), "extnID");
            bool critical = false;
            if (auto flag = fields.read_optional(TagClass::universal, tag::boolean, false))
                critical = read_boolean(*flag, "critical");
            const ByteView value = read_octet_string(fields.read(), "extnValue");
            fields.expect_end("Extension");

            if (!seen.insert(oid).second) {
                out.problems.push_back(ExtensionProblem{oid, ExtensionProblemKind::duplicate, {}});
            } else {
                decode_typed(oid, critical, value, out);
            }

            ExtensionInfo info{std::move(oid), critical};
            if (!is_recognized_extension(info.oid))
                out.unrecognized.push_back(info);
            out.all.push_back(std::move(info));
        }
    } catch (const DerError& e) {
        throw ParseError(std::string("malformed extensions: ") + e.what());
    }
    detail::add_value_problems(out);
    return out;
}

}  // namespace dpslint::botan
