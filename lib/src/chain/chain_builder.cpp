#include "dpslint/chain_builder.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dpslint {

namespace {

// Enough to explain a failure; more dead ends add noise, not insight.
constexpr std::size_t max_dead_ends = 16;

class Search {
public:
    Search(const CertificatePool& pool, const CertificatePool* extra,
           const ChainBuildOptions& options, ChainBuildResult& result)
        : pool_(pool), extra_(extra), options_(options), result_(result) {
        for (const auto& anchor : pool_.trust_anchors())
            anchor_names_.insert(anchor->subject().canonical());
    }

    void run(const CertificatePtr& leaf) {
        path_.push_back(leaf);
        extend();
    }

private:
    // Who may have issued `child` depends only on its issuer name and authority key identifier,
    // which a whole set of same-name CAs shares: each list is gathered (and sorted) once per
    // build, not once per visit.
    const std::vector<CertificatePtr>& candidates(const Certificate& child) {
        const auto& aki = child.extensions().authority_key_identifier;
        std::string key = child.issuer().canonical();
        key += '\0';
        if (aki)
            key += aki->key_id;
        auto [it, inserted] = candidates_.try_emplace(std::move(key));
        if (!inserted)
            return it->second;
        auto& out = it->second;
        out = pool_.issuers_of(child);
        if (extra_ != nullptr) {
            std::unordered_set<std::string_view> known;
            for (const auto& o : out)
                known.insert(o->sha256());
            for (auto& c : extra_->issuers_of(child)) {
                if (known.insert(c->sha256()).second)
                    out.push_back(std::move(c));
            }
        }
        // Trust anchors, then the candidates a trust anchor's name issued, then the rest (RFC 4158
        // §3.5.15): a thousand CAs that only name each other must not hide the one that leads to
        // an anchor.
        std::stable_partition(out.begin(), out.end(), [this](const CertificatePtr& c) {
            return pool_.is_trust_anchor(*c) || anchor_names_.count(c->issuer().canonical()) != 0;
        });
        return out;
    }

    // A certificate already on the path, or another certificate for the same subject and key
    // (a re-issue or cross-certificate of a CA already used), would close a loop.
    bool on_path(const Certificate& c) const {
        return std::any_of(path_.begin(), path_.end(), [&](const CertificatePtr& p) {
            return p->sha256() == c.sha256()
                   || (p->subject() == c.subject()
                       && p->public_key().spki_sha256 == c.public_key().spki_sha256);
        });
    }

    void dead_end(DeadEndReason reason, std::string message) {
        if (result_.dead_ends.size() >= max_dead_ends)
            return;
        result_.dead_ends.push_back(DeadEnd{path_, reason, std::move(message)});
    }

    // True (and the result marked) when no more candidates may be examined.
    bool stop() {
        if (result_.paths.size() >= options_.max_paths) {
            result_.truncated = true;
            return true;
        }
        if (examined_ >= options_.max_candidates) {
            result_.candidate_limit_hit = true;
            return true;
        }
        return false;
    }

    void extend() {
        const Certificate& current = *path_.back();
        const auto& issuers = candidates(current);
        if (issuers.empty()) {
            if (current.is_self_issued()) {
                dead_end(DeadEndReason::not_trust_anchor,
                         "self-issued certificate " + current.label() + " is not a trust anchor");
            } else {
                dead_end(DeadEndReason::no_issuer, "no issuer certificate found for "
                                                       + current.label() + " (issuer "
                                                       + current.issuer().text() + ")");
            }
            return;
        }
        for (const auto& issuer : issuers) {
            if (stop())
                return;
            ++examined_;
            if (issuer->sha256() == current.sha256()) {
                dead_end(DeadEndReason::not_trust_anchor,
                         "self-signed certificate " + current.label() + " is not a trust anchor");
                continue;
            }
            if (on_path(*issuer)) {
                dead_end(DeadEndReason::loop,
                         "issuer " + issuer->label() + " is already on the path: the chain loops");
                continue;
            }
            if (path_.size() + 1 > options_.max_depth) {
                dead_end(DeadEndReason::depth_limit, "path would exceed the depth limit of "
                                                         + std::to_string(options_.max_depth)
                                                         + " certificates");
                continue;
            }
            path_.push_back(issuer);
            if (pool_.is_trust_anchor(*issuer)) {
                result_.paths.push_back(CandidatePath{path_});
            } else {
                extend();
            }
            path_.pop_back();
        }
    }

    const CertificatePool& pool_;
    const CertificatePool* extra_;
    const ChainBuildOptions& options_;
    ChainBuildResult& result_;
    std::vector<CertificatePtr> path_;
    std::unordered_set<std::string_view> anchor_names_;
    std::unordered_map<std::string, std::vector<CertificatePtr>> candidates_;
    std::size_t examined_ = 0;
};

}  // namespace

ChainBuilder::ChainBuilder(const CertificatePool& pool, ChainBuildOptions options)
    : pool_(pool), options_(options) {}

ChainBuildResult ChainBuilder::build(const CertificatePtr& leaf,
                                     const CertificatePool* extra) const {
    ChainBuildResult result;
    if (pool_.is_trust_anchor(*leaf)) {
        result.paths.push_back(CandidatePath{{leaf}});
        return result;
    }
    Search(pool_, extra, options_, result).run(leaf);
    std::stable_sort(result.paths.begin(), result.paths.end(),
                     [](const CandidatePath& a, const CandidatePath& b) {
                         return a.certificates.size() < b.certificates.size();
                     });
    return result;
}

}  // namespace dpslint
