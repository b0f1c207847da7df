#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "dpslint/attestation.hpp"
#include "dpslint/certificate_pool.hpp"

namespace dpslint {

namespace {

bool contains(const std::vector<ChainLink>& links, const Certificate& c) {
    return std::any_of(links.begin(), links.end(),
                       [&](const ChainLink& l) { return l.certificate->sha256() == c.sha256(); });
}

}  // namespace

std::vector<ChainLink> AttestationSimulator::walk_chain(const Device& device,
                                                        bool* work_limit_hit) const {
    std::vector<ChainLink> links;
    links.push_back(
        ChainLink{device.leaf, true, snapshot_.find_certificate_by_sha1(device.leaf->sha1())});

    // Every check counts, remembered or not, so the walk does not depend on the cache's history.
    std::size_t checks = 0;
    bool out_of_checks = false;
    const auto verifies = [&](const Certificate& subject, const Certificate& issuer) {
        if (checks >= options_.max_signature_checks) {
            out_of_checks = true;
            return false;
        }
        ++checks;
        const auto compute = [&] {
            return backend_.verify_signature(subject, issuer);
        };
        return (cache_ != nullptr ? cache_->get_or_compute(subject, issuer, compute) : compute())
            .ok();
    };

    while (links.size() < max_chain_length) {
        const Certificate& current = *links.back().certificate;
        if (current.is_self_issued() && links.size() > 1)
            break;  // reached a root

        // What the device presents comes first; uploaded CA files only fill gaps.
        std::vector<std::pair<CertificatePtr, bool>> candidates;
        std::unordered_set<std::string_view> seen;
        for (const auto& c : device.presented) {
            if (could_have_issued(*c, current) && !contains(links, *c)
                && seen.insert(c->sha256()).second) {
                candidates.emplace_back(c, true);
            }
        }
        for (const auto& c : uploaded_) {
            if (could_have_issued(*c, current) && !contains(links, *c)
                && seen.insert(c->sha256()).second) {
                candidates.emplace_back(c, false);
            }
        }
        if (candidates.empty())
            break;
        // With one candidate the path validator checks the signature anyway; only a real choice
        // (same-name CAs, re-issued keys) is worth a verification here.
        const auto chosen =
            candidates.size() == 1
                ? candidates.begin()
                : std::find_if(candidates.begin(), candidates.end(),
                               [&](const auto& p) { return verifies(current, *p.first); });
        const auto& pick = chosen != candidates.end() ? *chosen : candidates.front();
        links.push_back(ChainLink{pick.first, pick.second,
                                  snapshot_.find_certificate_by_sha1(pick.first->sha1())});
    }
    if (work_limit_hit != nullptr)
        *work_limit_hit = out_of_checks;
    return links;
}

}  // namespace dpslint
