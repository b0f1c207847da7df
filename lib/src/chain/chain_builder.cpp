#include "dpslint/chain_builder.hpp"

#include <algorithm>
#include <unordered_set>

namespace dpslint {

namespace {

// Enough to explain a failure; more dead ends add noise, not insight.
constexpr std::size_t max_dead_ends = 16;
// Bounds the search when a pool is full of cross-certificates.
constexpr std::size_t max_visits = 4096;

class Search {
public:
    Search(const CertificatePool& pool, const CertificatePool* extra,
           const ChainBuildOptions& options, ChainBuildResult& result)
        : pool_(pool), extra_(extra), options_(options), result_(result) {}

    void run(const CertificatePtr& leaf) {
        path_.push_back(leaf);
        extend();
    }

private:
    std::vector<CertificatePtr> candidates(const Certificate& child) const {
        auto out = pool_.issuers_of(child);
        if (extra_ != nullptr) {
            for (auto& c : extra_->issuers_of(child)) {
                const bool known = std::any_of(out.begin(), out.end(), [&](const auto& o) {
                    return o->sha256() == c->sha256();
                });
                if (!known)
                    out.push_back(std::move(c));
            }
        }
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

    void dead_end(std::string id, std::string message) {
        if (result_.dead_ends.size() >= max_dead_ends)
            return;
        result_.dead_ends.push_back(DeadEnd{path_, std::move(id), std::move(message)});
    }

    bool done() const {
        return result_.paths.size() >= options_.max_paths || visits_ >= max_visits;
    }

    void extend() {
        ++visits_;
        const Certificate& current = *path_.back();
        const auto issuers = candidates(current);
        if (issuers.empty()) {
            if (current.is_self_issued()) {
                dead_end("chain.no-path",
                         "self-issued certificate " + current.label() + " is not a trust anchor");
            } else {
                dead_end("chain.no-path", "no issuer certificate found for " + current.label()
                                              + " (issuer " + current.issuer().text() + ")");
            }
            return;
        }
        for (const auto& issuer : issuers) {
            if (done()) {
                result_.truncated = true;
                return;
            }
            if (issuer->sha256() == current.sha256()) {
                dead_end("chain.no-path",
                         "self-signed certificate " + current.label() + " is not a trust anchor");
                continue;
            }
            if (on_path(*issuer)) {
                dead_end("chain.loop",
                         "issuer " + issuer->label() + " is already on the path: the chain loops");
                continue;
            }
            if (path_.size() + 1 > options_.max_depth) {
                dead_end("chain.depth-exceeded", "path would exceed the depth limit of "
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
    std::size_t visits_ = 0;
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
