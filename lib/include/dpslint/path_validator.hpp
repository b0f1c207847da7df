#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/algorithm_policy.hpp"
#include "dpslint/backend.hpp"
#include "dpslint/chain_builder.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/revocation_types.hpp"
#include "dpslint/signature_cache.hpp"
#include "dpslint/time.hpp"

namespace dpslint {

// What the leaf certificate must be good for, checked against extendedKeyUsage: TLS client
// (DPS devices), TLS server (an IoT Edge gateway's certificate towards downstream devices), a
// given KeyPurposeId, or anything.
enum class Purpose { client_auth, server_auth, any, other };

// "client", "server", "any", "oid".
std::string_view to_string(Purpose purpose) noexcept;
// "client", "server" or "any"; a dotted OID is Purpose::other (see parse_purpose_oid).
std::optional<Purpose> parse_purpose(std::string_view text) noexcept;
// True when `text` is a dotted OID with at least two arcs ("1.3.6.1.5.5.7.3.8").
bool is_dotted_oid(std::string_view text) noexcept;

// RFC 5280 §6.1.1 (c), (e), (f), (g): the policy inputs of path validation.
struct PolicyInputs {
    std::vector<std::string> initial_policy_set;  // dotted OIDs; empty means {anyPolicy}
    bool initial_explicit_policy = false;
    bool initial_policy_mapping_inhibit = false;
    bool initial_any_policy_inhibit = false;
};

// RFC 5280 §6.1.6 policy outputs, in the trust anchor's policy domain, sorted. {anyPolicy}
// (2.5.29.32.0) stands for every policy.
struct PolicyOutcome {
    std::vector<std::string> authorities_constrained;  // valid for the path (X.509 name)
    std::vector<std::string> user_constrained;         // ... and in the initial policy set
};

class RevocationChecker;

// Names x constraints compared along one path before name-constraint checking gives up with
// chain.name-constraints-work (BoringSSL bounds it the same way, at 2^20).
inline constexpr std::size_t default_name_constraint_work = std::size_t{1} << 20;

struct ValidationPolicy {
    TimePoint at{};  // evaluation time; there is no default "now" in the library
    Purpose purpose = Purpose::client_auth;
    std::string purpose_oid;  // the KeyPurposeId Purpose::other asks for
    AlgorithmPolicy algorithms;
    PolicyInputs policies;
    // RFC 5280 §4 rules a CA must follow (profile.hpp) become failures for every certificate of
    // the path.
    bool strict = false;
    std::size_t max_name_constraint_work = default_name_constraint_work;
    // Checks each certificate but the trust anchor against CRLs (RFC 5280 §6.3); null: no
    // revocation checking. Not owned; must outlive the validator.
    const RevocationChecker* revocation = nullptr;
};

// The extendedKeyUsage KeyPurposeId `policy` asks for; empty for Purpose::any.
std::string required_key_purpose(const ValidationPolicy& policy);

struct PathValidation {
    CandidatePath path;
    std::vector<Finding> findings;  // every failure found, sorted by path position then id
    PolicyOutcome policies;
    // One entry per certificate but the anchor, leaf first; empty without revocation checking.
    std::vector<CertificateRevocation> revocation;

    bool valid() const noexcept { return findings.empty(); }
    // The failure nearest the leaf, used to explain a rejected candidate in one line.
    const Finding* first_failure() const noexcept;
};

// RFC 5280 §6.1 path validation of one candidate path. Checks all of: signatures, validity
// windows, basicConstraints/CA and pathLenConstraint, keyUsage keyCertSign on issuers, the
// purpose (extendedKeyUsage of the leaf and of intermediates that carry one), certificate
// policies (§6.1.3 (d)-(f), §6.1.4 (a)-(b), (h)-(j), §6.1.5), unrecognised critical extensions,
// malformed and duplicate extensions, name constraints (directoryName, dNSName, rfc822Name, URI
// host, iPAddress; self-issued intermediates exempt), the algorithm policy, and optionally the
// RFC 5280 §4 profile and revocation. Reports every failure rather than stopping at the first.
class PathValidator {
public:
    // `cache` (optional) memoises issuer->issuer signature checks across many leaves.
    PathValidator(const CryptoBackend& backend, ValidationPolicy policy,
                  SignatureCache* cache = nullptr);

    PathValidation validate(const CandidatePath& path) const;
    const ValidationPolicy& policy() const noexcept { return policy_; }

private:
    const CryptoBackend& backend_;
    ValidationPolicy policy_;
    SignatureCache* cache_;
};

}  // namespace dpslint
