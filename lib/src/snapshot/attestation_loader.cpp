// The attestation object of an enrollment: its type and, for X.509, the signing certificates,
// CA references and client certificates, each with the service-computed info.

#include <limits>

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

namespace {

AttestationType attestation_type(std::string_view raw) {
    if (iequals(raw, "x509"))
        return AttestationType::x509;
    if (iequals(raw, "symmetricKey"))
        return AttestationType::symmetric_key;
    if (iequals(raw, "tpm"))
        return AttestationType::tpm;
    if (iequals(raw, "none"))
        return AttestationType::none;
    return AttestationType::unknown;
}

std::string string_or_empty(const JsonCursor& object, std::string_view key) {
    return object.optional_string(key).value_or(std::string());
}

X509CertificateInfo read_info(const JsonCursor& info) {
    X509CertificateInfo out;
    out.subject_name = string_or_empty(info, "subjectName");
    out.sha1_thumbprint = string_or_empty(info, "sha1Thumbprint");
    out.sha256_thumbprint = string_or_empty(info, "sha256Thumbprint");
    out.issuer_name = string_or_empty(info, "issuerName");
    out.not_before = optional_date(info, "notBeforeUtc");
    out.not_after = optional_date(info, "notAfterUtc");
    out.serial_number = string_or_empty(info, "serialNumber");
    if (const auto version = info.optional_int("version")) {
        if (*version < std::numeric_limits<int>::min()
            || *version > std::numeric_limits<int>::max()) {
            info.fail_at("version", "integer out of range");
        }
        out.version = static_cast<int>(*version);
    }
    return out;
}

// `{certificate?, info?}` under `key` of `parent`; absent or null -> nullopt.
std::optional<X509CertificateWithInfo> read_certificate_with_info(const JsonCursor& parent,
                                                                  std::string_view key,
                                                                  const CryptoBackend& backend) {
    const auto entry = parent.optional_object(key);
    if (!entry)
        return std::nullopt;
    X509CertificateWithInfo out;
    out.source = source_of(*entry);
    if (const auto text = entry->optional_child("certificate")) {
        out.certificate_text = text->as_string();
        // An entry holds one certificate. Should the text be a bundle, the first one is kept
        // (how DPS itself treats a bundle is not documented).
        out.certificate = parse_inline_certificates(*text, backend).front();
    }
    if (const auto info = entry->optional_object("info"))
        out.info = read_info(*info);
    return out;
}

X509Attestation read_x509(const JsonCursor& x509, const CryptoBackend& backend) {
    X509Attestation out;
    if (const auto signing = x509.optional_object("signingCertificates")) {
        out.signing_primary = read_certificate_with_info(*signing, "primary", backend);
        out.signing_secondary = read_certificate_with_info(*signing, "secondary", backend);
    }
    if (const auto references = x509.optional_object("caReferences")) {
        out.ca_reference_primary = references->optional_string("primary");
        out.ca_reference_secondary = references->optional_string("secondary");
    }
    if (const auto client = x509.optional_object("clientCertificates")) {
        out.client_primary = read_certificate_with_info(*client, "primary", backend);
        out.client_secondary = read_certificate_with_info(*client, "secondary", backend);
    }
    return out;
}

}  // namespace

Attestation read_attestation(const JsonCursor& attestation, const CryptoBackend& backend) {
    attestation.expect_object();
    Attestation out;
    out.type_raw = attestation.required_string("type");
    out.type = attestation_type(out.type_raw);
    if (const auto x509 = attestation.optional_object("x509"))
        out.x509 = read_x509(*x509, backend);
    return out;
}

}  // namespace dpslint::snapshot_detail
