#pragma once

#include <optional>
#include <vector>

#include "dpslint/chain_builder.hpp"
#include "dpslint/path_validator.hpp"

namespace dpslint {

struct RejectedCandidate {
    CandidatePath path;
    Finding first_failure;
};

// The verdict for one leaf: the chosen path (a valid one when any exists, else the best failing
// one), its findings, and why every other candidate failed.
struct LeafVerification {
    CertificatePtr leaf;
    std::optional<PathValidation> chosen;
    std::vector<RejectedCandidate> rejected;  // other candidates that failed
    std::vector<Finding> findings;            // chosen path's findings, or chain.no-path & friends

    bool valid() const noexcept { return chosen && chosen->valid(); }
};

// Chain building + path validation for one leaf: prefer a path that validates; when none does,
// choose the candidate with the fewest failures (ties: shorter, then builder order). The work per
// leaf is bounded (ChainBuildOptions::max_candidates, max_signature_checks); a leaf that hits a
// bound without a valid path gets chain.work-limit-exceeded.
class Verifier {
public:
    Verifier(const CryptoBackend& backend, const CertificatePool& pool, ValidationPolicy policy,
             ChainBuildOptions build_options = {}, SignatureCache* cache = nullptr);

    // `presented` are extra untrusted certificates for this leaf only (the rest of its bundle,
    // what the device sends in TLS).
    LeafVerification verify(const CertificatePtr& leaf,
                            const std::vector<CertificatePtr>& presented = {}) const;
    // The same with the presented certificates pooled by the caller (null: none), so that the
    // leaves of one file share one pool.
    LeafVerification verify(const CertificatePtr& leaf, const CertificatePool* presented) const;

    const PathValidator& validator() const noexcept { return validator_; }

private:
    ChainBuildOptions options_;
    ChainBuilder builder_;
    PathValidator validator_;
};

}  // namespace dpslint
