#pragma once

#include <optional>
#include <vector>

#include "dpslint/algorithm_policy.hpp"
#include "dpslint/backend.hpp"
#include "dpslint/chain_builder.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/signature_cache.hpp"
#include "dpslint/time.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

enum class Purpose { client_auth, any };

std::string_view to_string(Purpose purpose) noexcept;
std::optional<Purpose> parse_purpose(std::string_view text) noexcept;

struct ValidationPolicy {
    TimePoint at{};  // evaluation time; there is no default "now" in the library
    Purpose purpose = Purpose::client_auth;
    AlgorithmPolicy algorithms;
};

struct PathValidation {
    CandidatePath path;
    std::vector<Finding> findings;  // every failure found, sorted by path position then id

    bool valid() const noexcept { return findings.empty(); }
    // The failure nearest the leaf, used to explain a rejected candidate in one line.
    const Finding* first_failure() const noexcept;
};

// RFC 5280 §6.1 path validation of one candidate path for a device client certificate. Checks
// all of: signatures, validity windows, basicConstraints/CA and pathLenConstraint, keyUsage
// keyCertSign on issuers, leaf EKU (clientAuth), unrecognised critical extensions, name
// constraints (directoryName, dNSName, rfc822Name, URI host, iPAddress) and the algorithm
// policy. Reports every failure rather than stopping at the first. Keeps references to `backend`
// and `cache`, which must outlive it; validate() is thread-safe and reports a bad certificate as a
// finding, never by throwing.
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
DPSLINT_API_END
