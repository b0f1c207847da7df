#include "dpslint/verifier.hpp"

#include <algorithm>

#include "dpslint/chain_checks.hpp"

namespace dpslint {

namespace {

Finding no_path_finding(const Certificate& leaf, const ChainBuildResult& built) {
    Finding f;
    f.id = std::string(chain_check::no_path);
    f.severity = Severity::error;
    f.location.subject = leaf.subject().text();
    f.location.sha256 = leaf.sha256();
    f.location.path_position = 0;
    f.citation = std::string(find_chain_check(chain_check::no_path)->citation);
    if (built.dead_ends.empty()) {
        f.message = "no path from " + leaf.label() + " to a trust anchor";
        return f;
    }
    // The dead end that got furthest says the most about what is missing.
    const auto furthest = std::max_element(
        built.dead_ends.begin(), built.dead_ends.end(),
        [](const DeadEnd& a, const DeadEnd& b) { return a.partial.size() < b.partial.size(); });
    f.message = "no path to a trust anchor: " + furthest->message;
    if (built.dead_ends.size() > 1) {
        f.message += " (" + std::to_string(built.dead_ends.size()) + " branches tried)";
    }
    return f;
}

std::size_t error_count(const PathValidation& v) {
    return v.findings.size();
}

}  // namespace

Verifier::Verifier(const CryptoBackend& backend, const CertificatePool& pool,
                   ValidationPolicy policy, ChainBuildOptions build_options, SignatureCache* cache)
    : pool_(pool), builder_(pool, build_options), validator_(backend, std::move(policy), cache) {}

LeafVerification Verifier::verify(const CertificatePtr& leaf,
                                  const std::vector<CertificatePtr>& presented) const {
    LeafVerification result;
    result.leaf = leaf;

    CertificatePool extra;
    for (const auto& c : presented) {
        if (c->sha256() != leaf->sha256())
            extra.add_untrusted(c);
    }
    const ChainBuildResult built = builder_.build(leaf, presented.empty() ? nullptr : &extra);
    if (built.paths.empty()) {
        result.findings.push_back(no_path_finding(*leaf, built));
        return result;
    }

    std::vector<PathValidation> validations;
    validations.reserve(built.paths.size());
    for (const auto& path : built.paths) {
        validations.push_back(validator_.validate(path));
        if (validations.back().valid())
            break;  // paths come in preference order
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
    result.findings = chosen->findings;
    result.chosen = std::move(*chosen);
    return result;
}

}  // namespace dpslint
