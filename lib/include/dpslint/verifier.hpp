#pragma once

#include <optional>
#include <vector>

#include "dpslint/chain_builder.hpp"
#include "dpslint/export.hpp"
#include "dpslint/path_validator.hpp"

DPSLINT_API_BEGIN
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
//
// Keeps references to `backend`, `pool` and `cache` (optional, shared across leaves), which must
// outlive it. verify() is const and thread-safe: one Verifier can check a whole batch on many
// threads. The policy's evaluation time is explicit; the library never reads the clock.
class Verifier {
public:
    Verifier(const CryptoBackend& backend, const CertificatePool& pool, ValidationPolicy policy,
             ChainBuildOptions build_options = {}, SignatureCache* cache = nullptr);

    // `leaf` and `presented` must come from `backend` (read_certificate_file). `presented` are
    // extra untrusted certificates for this leaf only (the rest of its bundle, what the device
    // sends in TLS). What is wrong with the chain is a finding in the result (chain.*; valid()
    // says whether a path validated), not an exception.
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
DPSLINT_API_END
