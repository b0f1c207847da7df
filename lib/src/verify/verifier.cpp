#include "dpslint/verifier.hpp"

#include <algorithm>

#include "dpslint/chain_checks.hpp"

namespace dpslint {

namespace {

Finding no_path_finding(const Certificate& leaf, const ChainBuildResult& built) {
    if (built.dead_ends.empty()) {
        return leaf_chain_finding(chain_check::no_path, leaf,
                                  "no path from " + leaf.label() + " to a trust anchor");
    }
    // The dead end that got furthest says the most about what is missing.
    const auto furthest = std::max_element(
        built.dead_ends.begin(), built.dead_ends.end(),
        [](const DeadEnd& a, const DeadEnd& b) { return a.partial.size() < b.partial.size(); });
    std::string message = "no path to a trust anchor: " + furthest->message;
    if (built.dead_ends.size() > 1)
        message += " (" + std::to_string(built.dead_ends.size()) + " branches tried)";
    return leaf_chain_finding(chain_check::no_path, leaf, std::move(message));
}

Finding work_limit_finding(const Certificate& leaf, const ChainBuildOptions& options,
                           bool candidates_hit) {
    const std::string what =
        candidates_hit ? std::to_string(options.max_candidates) + " candidate issuer certificates"
                       : std::to_string(options.max_signature_checks) + " signature checks";
    return leaf_chain_finding(chain_check::work_limit_exceeded, leaf,
                              "gave up looking for a valid path for " + leaf.label() + " after "
                                  + what
                                  + ": the certificates offered hold too many candidates (CA "
                                    "certificates with the same name?)");
}

std::size_t error_count(const PathValidation& v) {
    return v.findings.size();
}

}  // namespace

Verifier::Verifier(const CryptoBackend& backend, const CertificatePool& pool,
                   ValidationPolicy policy, ChainBuildOptions build_options, SignatureCache* cache)
    : options_(build_options),
      builder_(pool, build_options),
      validator_(backend, std::move(policy), cache) {}

LeafVerification Verifier::verify(const CertificatePtr& leaf,
                                  const std::vector<CertificatePtr>& presented) const {
    if (presented.empty())
        return verify(leaf, nullptr);
    CertificatePool extra;
    for (const auto& c : presented) {
        if (c->sha256() != leaf->sha256())
            extra.add_untrusted(c);
    }
    return verify(leaf, &extra);
}

LeafVerification Verifier::verify(const CertificatePtr& leaf,
                                  const CertificatePool* presented) const {
    LeafVerification result;
    result.leaf = leaf;

    const ChainBuildResult built = builder_.build(leaf, presented);
    if (built.paths.empty()) {
        result.findings.push_back(no_path_finding(*leaf, built));
        if (built.candidate_limit_hit)
            result.findings.push_back(work_limit_finding(*leaf, options_, true));
        return result;
    }

    // Every check counts, remembered or not, so the verdict does not depend on what other
    // threads have put in the cache.
    std::vector<PathValidation> validations;
    validations.reserve(built.paths.size());
    std::size_t signature_checks = 0;
    bool signature_limit_hit = false;
    for (const auto& path : built.paths) {
        const std::size_t needed = path.certificates.size() - 1;
        if (signature_checks + needed > options_.max_signature_checks) {
            signature_limit_hit = true;
            break;
        }
        signature_checks += needed;
        validations.push_back(validator_.validate(path));
        if (validations.back().valid())
            break;  // paths come in preference order
    }
    if (validations.empty()) {
        result.findings.push_back(work_limit_finding(*leaf, options_, false));
        return result;
    }
    // First valid path, else the one with the fewest failures (stable: builder order on ties).
    const auto chosen = std::min_element(validations.begin(), validations.end(),
                                         [](const PathValidation& a, const PathValidation& b) {
                                             if (a.valid() != b.valid())
                                                 return a.valid();
                                             return error_count(a) < error_count(b);
                                         });
    for (auto it = validations.begin(); it != validations.end(); ++it) {
        if (it != chosen && !it->valid()) {
            result.rejected.push_back(RejectedCandidate{it->path, *it->first_failure()});
        }
    }
    if (!chosen->valid() && (built.candidate_limit_hit || signature_limit_hit)) {
        result.findings.push_back(work_limit_finding(*leaf, options_, !signature_limit_hit));
    }
    result.findings.insert(result.findings.end(), chosen->findings.begin(), chosen->findings.end());
    result.chosen = std::move(*chosen);
    return result;
}

}  // namespace dpslint
