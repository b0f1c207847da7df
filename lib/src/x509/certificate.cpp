#include "dpslint/certificate.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace dpslint {

std::string_view to_string(KeyAlgorithm algorithm) noexcept {
    switch (algorithm) {
        case KeyAlgorithm::rsa:
            return "RSA";
        case KeyAlgorithm::ec:
            return "EC";
        case KeyAlgorithm::ed25519:
            return "Ed25519";
        case KeyAlgorithm::ed448:
            return "Ed448";
        case KeyAlgorithm::dsa:
            return "DSA";
        case KeyAlgorithm::unknown:
            break;
    }
    return "unknown";
}

std::string_view to_string(HashAlgorithm algorithm) noexcept {
    switch (algorithm) {
        case HashAlgorithm::md5:
            return "MD5";
        case HashAlgorithm::sha1:
            return "SHA-1";
        case HashAlgorithm::sha224:
            return "SHA-224";
        case HashAlgorithm::sha256:
            return "SHA-256";
        case HashAlgorithm::sha384:
            return "SHA-384";
        case HashAlgorithm::sha512:
            return "SHA-512";
        case HashAlgorithm::none:
            return "none";
        case HashAlgorithm::unknown:
            break;
    }
    return "unknown";
}

std::string_view to_string(GeneralNameType type) noexcept {
    switch (type) {
        case GeneralNameType::dns:
            return "dNSName";
        case GeneralNameType::email:
            return "rfc822Name";
        case GeneralNameType::uri:
            return "uniformResourceIdentifier";
        case GeneralNameType::ip:
            return "iPAddress";
        case GeneralNameType::directory:
            return "directoryName";
        case GeneralNameType::other:
            break;
    }
    return "otherName";
}

bool ExtendedKeyUsage::allows_client_auth() const {
    return std::any_of(oids.begin(), oids.end(), [](const std::string& oid) {
        return oid == oid_eku_client_auth || oid == oid_eku_any;
    });
}

bool is_recognized_extension(const std::string& oid) {
    // Processed by the validator, or purely informational so that honouring them when critical
    // needs no action for a device path (RFC 5280 §4.2: AIA, CRL DP, SIA, IAN, freshestCRL; CT
    // SCT list and precertificate poison never appear in device chains in practice).
    static constexpr std::array<std::string_view, 16> known{
        "2.5.29.19",           // basicConstraints
        "2.5.29.15",           // keyUsage
        "2.5.29.37",           // extKeyUsage
        "2.5.29.14",           // subjectKeyIdentifier
        "2.5.29.35",           // authorityKeyIdentifier
        "2.5.29.17",           // subjectAltName
        "2.5.29.18",           // issuerAltName
        "2.5.29.30",           // nameConstraints
        "2.5.29.32",           // certificatePolicies
        "2.5.29.33",           // policyMappings
        "2.5.29.36",           // policyConstraints
        "2.5.29.54",           // inhibitAnyPolicy
        "2.5.29.31",           // cRLDistributionPoints
        "2.5.29.46",           // freshestCRL
        "1.3.6.1.5.5.7.1.1",   // authorityInfoAccess
        "1.3.6.1.5.5.7.1.11",  // subjectInfoAccess
    };
    return std::find(known.begin(), known.end(), oid) != known.end();
}

std::string_view extension_name(std::string_view oid) noexcept {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> names{{
        {"2.5.29.14", "subjectKeyIdentifier"},
        {"2.5.29.15", "keyUsage"},
        {"2.5.29.17", "subjectAltName"},
        {"2.5.29.18", "issuerAltName"},
        {"2.5.29.19", "basicConstraints"},
        {"2.5.29.30", "nameConstraints"},
        {"2.5.29.31", "cRLDistributionPoints"},
        {"2.5.29.32", "certificatePolicies"},
        {"2.5.29.33", "policyMappings"},
        {"2.5.29.35", "authorityKeyIdentifier"},
        {"2.5.29.36", "policyConstraints"},
        {"2.5.29.37", "extendedKeyUsage"},
        {"2.5.29.46", "freshestCRL"},
        {"2.5.29.54", "inhibitAnyPolicy"},
        {"1.3.6.1.5.5.7.1.1", "authorityInfoAccess"},
        {"1.3.6.1.5.5.7.1.11", "subjectInfoAccess"},
        {"1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"},
        {"1.3.6.1.4.1.11129.2.4.3", "precertificatePoison"},
    }};
    for (const auto& [known_oid, name] : names) {
        if (known_oid == oid)
            return name;
    }
    return {};
}

std::string describe(const ExtensionProblem& problem) {
    const std::string_view name = extension_name(problem.oid);
    const std::string label = name.empty() ? "extension " + problem.oid
                                           : std::string(name) + " extension (" + problem.oid + ")";
    std::string out;
    switch (problem.kind) {
        case ExtensionProblemKind::malformed:
            out = "malformed " + label;
            break;
        case ExtensionProblemKind::duplicate:
            out = "duplicate " + label;
            break;
        case ExtensionProblemKind::empty:
            out = "empty " + label;
            if (problem.detail.empty())
                return out + ": its SEQUENCE must hold at least one element";
            break;
    }
    if (!problem.detail.empty())
        out += ": " + problem.detail;
    return out;
}

bool Extensions::has_unrecognized_critical() const {
    return std::any_of(unrecognized.begin(), unrecognized.end(),
                       [](const ExtensionInfo& e) { return e.critical; });
}

Certificate::Certificate(CertificateFields fields, std::shared_ptr<const NativeCertificate> native)
    : fields_(std::move(fields)), native_(std::move(native)) {}

bool Certificate::is_ca() const noexcept {
    const auto& bc = fields_.extensions.basic_constraints;
    return bc && bc->ca;
}

std::string Certificate::label() const {
    if (!fields_.subject.empty())
        return fields_.subject.text();
    return "(empty subject, serial " + fields_.serial_hex + ")";
}

}  // namespace dpslint
