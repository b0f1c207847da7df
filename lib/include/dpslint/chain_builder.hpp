#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dpslint/certificate.hpp"
#include "dpslint/certificate_pool.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// One way from a leaf to a trust anchor: certificates[0] is the leaf, certificates.back() is the
// anchor.
struct CandidatePath {
    std::vector<CertificatePtr> certificates;
};

struct ChainBuildOptions {
    std::size_t max_depth = 8;   // certificates in a path, leaf and anchor included
    std::size_t max_paths = 32;  // stop enumerating after this many complete paths
    // The work one leaf may cost, whatever its pool holds (a device file may carry a thousand CA
    // certificates with the same name): issuer candidates examined while building, and
    // signature checks while validating the candidate paths. Go's crypto/x509 stops buildChains
    // after 100 signature checks for the same reason (RFC 4158 §8.1).
    std::size_t max_candidates = 1024;
    std::size_t max_signature_checks = 100;
};

// Why a branch of the search ended without reaching a trust anchor.
enum class DeadEndReason {
    no_issuer,         // no candidate issuer certificate
    not_trust_anchor,  // a self-issued certificate that is not a trust anchor
    loop,              // the issuer is already on the path
    depth_limit,       // the path would be longer than max_depth
};

// Why some branch did not become a path. Not a finding of its own: when no path validates, the
// furthest dead end's message explains the one chain.no-path finding.
struct DeadEnd {
    std::vector<CertificatePtr> partial;  // leaf first, as far as it got
    DeadEndReason reason = DeadEndReason::no_issuer;
    std::string message;
};

struct ChainBuildResult {
    std::vector<CandidatePath> paths;  // in preference order (shorter first, then deterministic)
    std::vector<DeadEnd> dead_ends;
    bool truncated = false;            // max_paths reached
    bool candidate_limit_hit = false;  // max_candidates reached: more paths may exist
};

// Enumerates every path leaf -> trust anchor through `pool` plus per-leaf `extra` certificates
// (what a device presents). Loops (a certificate already on the path, by SHA-256, or the same
// subject+key reappearing) and paths longer than max_depth end branches; the enumeration stops at
// max_paths paths or max_candidates issuer candidates examined. A leaf that is itself a trust
// anchor yields the one-element path. Keeps a reference to `pool`, which must outlive it; build()
// only reads, so many threads may call it at once.
class ChainBuilder {
public:
    ChainBuilder(const CertificatePool& pool, ChainBuildOptions options = {});

    ChainBuildResult build(const CertificatePtr& leaf,
                           const CertificatePool* extra = nullptr) const;

private:
    const CertificatePool& pool_;
    ChainBuildOptions options_;
};

}  // namespace dpslint
DPSLINT_API_END
