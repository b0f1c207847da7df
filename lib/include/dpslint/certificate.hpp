#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/bytes.hpp"
#include "dpslint/distinguished_name.hpp"
#include "dpslint/time.hpp"

namespace dpslint {

enum class KeyAlgorithm { rsa, ec, ed25519, ed448, dsa, unknown };
enum class HashAlgorithm { md5, sha1, sha224, sha256, sha384, sha512, none, unknown };

std::string_view to_string(KeyAlgorithm algorithm) noexcept;
std::string_view to_string(HashAlgorithm algorithm) noexcept;

struct PublicKeyInfo {
    KeyAlgorithm algorithm = KeyAlgorithm::unknown;
    std::string algorithm_oid;  // of SubjectPublicKeyInfo.algorithm
    int bits = 0;               // RSA modulus bits, EC group order bits, 256 for Ed25519
    std::string curve;          // "P-256", "P-384", "P-521", other curves by OID; empty if not EC
    std::string spki_sha256;    // SHA-256 over the SubjectPublicKeyInfo DER, upper hex

    friend bool operator==(const PublicKeyInfo&, const PublicKeyInfo&) = default;
};

struct SignatureAlgorithm {
    std::string oid;   // dotted OID of the outer signatureAlgorithm
    std::string name;  // "sha256WithRSAEncryption", "ecdsa-with-SHA256", "ED25519", "RSASSA-PSS"
    KeyAlgorithm key_algorithm = KeyAlgorithm::unknown;
    HashAlgorithm hash = HashAlgorithm::unknown;  // for RSASSA-PSS: the PSS hash

    friend bool operator==(const SignatureAlgorithm&, const SignatureAlgorithm&) = default;
};

struct BasicConstraints {
    bool critical = false;
    bool ca = false;
    std::optional<int> path_len;

    friend bool operator==(const BasicConstraints&, const BasicConstraints&) = default;
};

enum KeyUsageBit : std::uint16_t {
    ku_digital_signature = 1u << 0,
    ku_non_repudiation = 1u << 1,
    ku_key_encipherment = 1u << 2,
    ku_data_encipherment = 1u << 3,
    ku_key_agreement = 1u << 4,
    ku_key_cert_sign = 1u << 5,
    ku_crl_sign = 1u << 6,
    ku_encipher_only = 1u << 7,
    ku_decipher_only = 1u << 8,
};

struct KeyUsage {
    bool critical = false;
    std::uint16_t bits = 0;  // KeyUsageBit flags

    bool has(KeyUsageBit bit) const noexcept { return (bits & bit) != 0; }
    friend bool operator==(const KeyUsage&, const KeyUsage&) = default;
};

inline constexpr const char* oid_eku_server_auth = "1.3.6.1.5.5.7.3.1";
inline constexpr const char* oid_eku_client_auth = "1.3.6.1.5.5.7.3.2";
inline constexpr const char* oid_eku_any = "2.5.29.37.0";

struct ExtendedKeyUsage {
    bool critical = false;
    std::vector<std::string> oids;  // dotted, in certificate order

    bool allows_client_auth() const;
    friend bool operator==(const ExtendedKeyUsage&, const ExtendedKeyUsage&) = default;
};

struct SubjectKeyIdentifier {
    bool critical = false;
    std::string key_id;  // upper hex

    friend bool operator==(const SubjectKeyIdentifier&, const SubjectKeyIdentifier&) = default;
};

struct AuthorityKeyIdentifier {
    bool critical = false;
    std::string key_id;         // upper hex; empty when the extension carries no keyIdentifier
    std::string issuer_serial;  // authorityCertSerialNumber, upper hex; usually empty

    friend bool operator==(const AuthorityKeyIdentifier&, const AuthorityKeyIdentifier&) = default;
};

enum class GeneralNameType { dns, email, uri, ip, directory, other };
std::string_view to_string(GeneralNameType type) noexcept;

struct GeneralName {
    GeneralNameType type = GeneralNameType::other;
    // dns/email/uri: the IA5String; ip: dotted/colon text ("10.0.0.0/8" in name constraints);
    // directory: RFC 4514 text; other: "<oid>" of otherName or the tag number.
    std::string value;
    std::optional<DistinguishedName> directory;  // set for directory names

    friend bool operator==(const GeneralName&, const GeneralName&) = default;
};

struct SubjectAltName {
    bool critical = false;
    std::vector<GeneralName> names;

    friend bool operator==(const SubjectAltName&, const SubjectAltName&) = default;
};

struct NameConstraints {
    bool critical = false;
    std::vector<GeneralName> permitted;
    std::vector<GeneralName> excluded;

    friend bool operator==(const NameConstraints&, const NameConstraints&) = default;
};

inline constexpr const char* oid_any_policy = "2.5.29.32.0";

// Policy qualifiers are checked for structure and otherwise ignored (RFC 5280 §4.2.1.4 lets
// certificate users skip them).
struct CertificatePolicies {
    bool critical = false;
    std::vector<std::string> oids;  // dotted, in certificate order; anyPolicy included

    friend bool operator==(const CertificatePolicies&, const CertificatePolicies&) = default;
};

struct PolicyMapping {
    std::string issuer_domain_policy;
    std::string subject_domain_policy;

    friend bool operator==(const PolicyMapping&, const PolicyMapping&) = default;
};

struct PolicyMappings {
    bool critical = false;
    std::vector<PolicyMapping> mappings;  // in certificate order

    friend bool operator==(const PolicyMappings&, const PolicyMappings&) = default;
};

// SkipCerts values above INT_MAX are stored as INT_MAX: no path is that long.
struct PolicyConstraints {
    bool critical = false;
    std::optional<int> require_explicit_policy;
    std::optional<int> inhibit_policy_mapping;

    friend bool operator==(const PolicyConstraints&, const PolicyConstraints&) = default;
};

struct InhibitAnyPolicy {
    bool critical = false;
    int skip_certs = 0;

    friend bool operator==(const InhibitAnyPolicy&, const InhibitAnyPolicy&) = default;
};

// ReasonFlags (RFC 5280 §4.2.1.13): BIT STRING bit n is `1u << n`, as for KeyUsageBit.
enum ReasonFlag : std::uint16_t {
    reason_unused = 1u << 0,
    reason_key_compromise = 1u << 1,
    reason_ca_compromise = 1u << 2,
    reason_affiliation_changed = 1u << 3,
    reason_superseded = 1u << 4,
    reason_cessation_of_operation = 1u << 5,
    reason_certificate_hold = 1u << 6,
    reason_privilege_withdrawn = 1u << 7,
    reason_aa_compromise = 1u << 8,
};
// Every reason a CRL can cover (bit 0 "unused" is no reason).
inline constexpr std::uint16_t all_reasons = 0x1FE;

// DistributionPointName ::= CHOICE { fullName [0], nameRelativeToCRLIssuer [1] }: exactly one of
// the two is set.
struct DistributionPointName {
    std::vector<GeneralName> full_name;
    std::optional<DistinguishedName::Rdn> relative_name;

    friend bool operator==(const DistributionPointName&, const DistributionPointName&) = default;
};

struct DistributionPoint {
    std::optional<DistributionPointName> name;
    std::optional<std::uint16_t> reasons;  // ReasonFlag bits; nullopt: all reasons
    std::vector<GeneralName> crl_issuer;   // empty: the certificate's issuer signs the CRL

    friend bool operator==(const DistributionPoint&, const DistributionPoint&) = default;
};

struct CrlDistributionPoints {
    bool critical = false;
    std::vector<DistributionPoint> points;

    friend bool operator==(const CrlDistributionPoints&, const CrlDistributionPoints&) = default;
};

// An extension that is present but cannot be used as it is. The certificate still parses (it is
// a certificate, just an invalid one): path validation reports every problem as a failure.
enum class ExtensionProblemKind {
    malformed,  // the value does not decode as the extension's ASN.1 type
    duplicate,  // a second instance of the same extension (RFC 5280 §4.2); the first one is used
    empty,      // a SEQUENCE the type requires to hold at least one element (SIZE (1..MAX))
};

struct ExtensionProblem {
    std::string oid;
    ExtensionProblemKind kind = ExtensionProblemKind::malformed;
    std::string detail;  // more precise reason, when one is known; same for both backends

    friend bool operator==(const ExtensionProblem&, const ExtensionProblem&) = default;
};

// "subjectAltName" for 2.5.29.17 and the other extensions dpslint knows; empty when unknown.
std::string_view extension_name(std::string_view oid) noexcept;
// One line naming the extension: "malformed subjectAltName extension (2.5.29.17)".
std::string describe(const ExtensionProblem& problem);

struct ExtensionInfo {
    std::string oid;
    bool critical = false;

    friend bool operator==(const ExtensionInfo&, const ExtensionInfo&) = default;
};

inline constexpr const char* oid_basic_constraints = "2.5.29.19";
inline constexpr const char* oid_key_usage = "2.5.29.15";
inline constexpr const char* oid_extended_key_usage = "2.5.29.37";
inline constexpr const char* oid_subject_key_identifier = "2.5.29.14";
inline constexpr const char* oid_authority_key_identifier = "2.5.29.35";
inline constexpr const char* oid_subject_alt_name = "2.5.29.17";
inline constexpr const char* oid_name_constraints = "2.5.29.30";
inline constexpr const char* oid_certificate_policies = "2.5.29.32";
inline constexpr const char* oid_policy_mappings = "2.5.29.33";
inline constexpr const char* oid_policy_constraints = "2.5.29.36";
inline constexpr const char* oid_inhibit_any_policy = "2.5.29.54";
inline constexpr const char* oid_crl_distribution_points = "2.5.29.31";

// Extensions dpslint understands well enough to honour when critical. Anything else that is
// critical makes a path invalid (RFC 5280 §4.2).
bool is_recognized_extension(const std::string& oid);

struct Extensions {
    std::optional<BasicConstraints> basic_constraints;
    std::optional<KeyUsage> key_usage;
    std::optional<ExtendedKeyUsage> extended_key_usage;
    std::optional<SubjectKeyIdentifier> subject_key_identifier;
    std::optional<AuthorityKeyIdentifier> authority_key_identifier;
    std::optional<SubjectAltName> subject_alt_name;
    std::optional<NameConstraints> name_constraints;
    std::optional<CertificatePolicies> certificate_policies;
    std::optional<PolicyMappings> policy_mappings;
    std::optional<PolicyConstraints> policy_constraints;
    std::optional<InhibitAnyPolicy> inhibit_any_policy;
    std::optional<CrlDistributionPoints> crl_distribution_points;
    std::vector<ExtensionInfo> all;           // every extension, in certificate order
    std::vector<ExtensionInfo> unrecognized;  // those `is_recognized_extension` rejects
    // Malformed, duplicate and empty extensions, in certificate order. A malformed extension's
    // typed member above stays unset; an empty one keeps its (empty) value.
    std::vector<ExtensionProblem> problems;

    bool has_unrecognized_critical() const;
    friend bool operator==(const Extensions&, const Extensions&) = default;
};

// What a backend decoded from one DER certificate. Plain data so both backends fill the same
// shape and tests can compare them field by field.
struct CertificateFields {
    Bytes der;
    int version = 0;  // 1, 2 or 3 (the X.509 version number, not the encoded integer)
    std::string
        serial_hex;  // upper hex of the serial's magnitude, no leading zero octets ("00": 0)
    bool serial_negative = false;
    std::size_t serial_octets = 0;  // content octets of the DER INTEGER
    DistinguishedName subject;
    DistinguishedName issuer;
    TimePoint not_before{};
    TimePoint not_after{};
    PublicKeyInfo public_key;
    SignatureAlgorithm signature_algorithm;
    std::string sha1;    // thumbprint of the DER, upper hex
    std::string sha256;  // thumbprint of the DER, upper hex
    Extensions extensions;

    friend bool operator==(const CertificateFields&, const CertificateFields&) = default;
};

// Backend-owned decoded form (an OpenSSL X509*, a Botan X509_Certificate) kept alive with the
// certificate so signatures are checked without re-parsing.
class NativeCertificate {
public:
    virtual ~NativeCertificate() = default;
};

// An immutable parsed certificate. Shared by pointer: chains, pools and reports hold the same
// object.
class Certificate {
public:
    Certificate(CertificateFields fields, std::shared_ptr<const NativeCertificate> native);

    const CertificateFields& fields() const noexcept { return fields_; }
    const Bytes& der() const noexcept { return fields_.der; }
    int version() const noexcept { return fields_.version; }
    const std::string& serial_hex() const noexcept { return fields_.serial_hex; }
    const DistinguishedName& subject() const noexcept { return fields_.subject; }
    const DistinguishedName& issuer() const noexcept { return fields_.issuer; }
    TimePoint not_before() const noexcept { return fields_.not_before; }
    TimePoint not_after() const noexcept { return fields_.not_after; }
    const PublicKeyInfo& public_key() const noexcept { return fields_.public_key; }
    const SignatureAlgorithm& signature_algorithm() const noexcept {
        return fields_.signature_algorithm;
    }
    const std::string& sha1() const noexcept { return fields_.sha1; }
    const std::string& sha256() const noexcept { return fields_.sha256; }
    const Extensions& extensions() const noexcept { return fields_.extensions; }
    const NativeCertificate* native() const noexcept { return native_.get(); }

    // Subject and issuer names are equal (RFC 5280 "self-issued"); a self-signed certificate is
    // self-issued and verifies under its own key.
    bool is_self_issued() const noexcept { return fields_.subject == fields_.issuer; }
    // basicConstraints present with cA=TRUE.
    bool is_ca() const noexcept;
    bool is_valid_at(TimePoint t) const noexcept {
        return fields_.not_before <= t && t <= fields_.not_after;
    }
    // Subject DN for messages; falls back to the serial when the subject is empty.
    std::string label() const;

private:
    CertificateFields fields_;
    std::shared_ptr<const NativeCertificate> native_;
};

using CertificatePtr = std::shared_ptr<const Certificate>;

}  // namespace dpslint
