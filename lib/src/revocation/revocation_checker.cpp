#include <algorithm>
#include <set>
#include <string>

#include "dpslint/chain_builder.hpp"
#include "dpslint/chain_checks.hpp"
#include "dpslint/path_validator.hpp"
#include "dpslint/revocation.hpp"

#include "revocation/crl_scope.hpp"

namespace dpslint {

std::string_view to_string(RevocationMode mode) noexcept {
    return mode == RevocationMode::require ? "require" : "best-effort";
}

std::optional<RevocationMode> parse_revocation_mode(std::string_view text) noexcept {
    if (text == "require")
        return RevocationMode::require;
    if (text == "best-effort")
        return RevocationMode::best_effort;
    return std::nullopt;
}

namespace {

// CRL issuers' own paths are checked this many levels deep (a CRL signer whose CRL has its own
// signer, ...); deeper, their status is unknown.
constexpr int max_signer_depth = 4;

// Why CRLs that would have covered a certificate could not be used.
struct Obstacles {
    std::vector<std::string> expired;        // labels
    std::vector<std::string> bad_signature;  // "label: detail"
    std::vector<std::string> other;          // "label: why"
};

struct Status {
    CertificateRevocation revocation;
    Obstacles obstacles;
};

class Check {
public:
    Check(const CryptoBackend& backend, const CrlSet& crls, const CertificatePool& pool,
          RevocationMode mode, const ValidationPolicy& policy)
        : backend_(backend), crls_(crls), pool_(pool), mode_(mode), policy_(policy) {
        signer_policy_.at = policy.at;
        signer_policy_.algorithms = policy.algorithms;
        signer_policy_.purpose = Purpose::any;
    }

    // Status of path[position], issued by path[position + 1].
    Status status(const std::vector<CertificatePtr>& path, std::size_t position, int depth) {
        const Certificate& cert = *path[position];
        Status out;
        out.revocation.path_position = position;
        if (!in_progress_.insert(cert.sha256()).second) {
            out.revocation.detail = "its CRL issuer's status depends on itself";
            return out;
        }
        std::uint16_t covered = 0;
        bool revoked = false;
        for (const auto& point : detail::distribution_points(cert)) {
            for (const auto& candidate : crls_.all()) {
                const Crl& crl = *candidate.crl;
                if (crl.is_delta() || covered == all_reasons || revoked)
                    continue;
                const auto scope = detail::crl_scope(crl, cert, point);
                if (!scope || (*scope & ~covered) == 0)
                    continue;
                if (!usable(candidate, out.obstacles))
                    continue;
                const auto signer =
                    find_signer(crl, path, position, depth, candidate.label, out.obstacles);
                if (!signer)
                    continue;
                const CrlSet::Entry* delta = find_delta(crl, *signer, cert, point);
                if (apply(cert, candidate, delta, out.revocation))
                    revoked = true;
                covered = static_cast<std::uint16_t>(covered | *scope);
            }
        }
        in_progress_.erase(cert.sha256());
        if (revoked) {
            out.revocation.state = RevocationState::revoked;
        } else if (covered == all_reasons) {
            out.revocation.state = RevocationState::good;
        } else {
            out.revocation.state = RevocationState::unknown;
            out.revocation.detail = unknown_detail(out.obstacles, covered);
        }
        return out;
    }

private:
    // RFC 5280 §6.3.3 (a) and §6.3.3's unrecognised critical extensions.
    bool usable(const CrlSet::Entry& candidate, Obstacles& obstacles) const {
        const Crl& crl = *candidate.crl;
        if (crl.has_unrecognized_critical_extension()) {
            obstacles.other.push_back(candidate.label
                                      + ": has an unrecognised critical CRL extension");
            return false;
        }
        if (crl.has_unrecognized_critical_entry_extension()) {
            obstacles.other.push_back(candidate.label
                                      + ": has an unrecognised critical CRL entry extension");
            return false;
        }
        if (policy_.at < crl.fields().this_update) {
            obstacles.other.push_back(candidate.label + ": thisUpdate "
                                      + format_rfc3339(crl.fields().this_update)
                                      + " is after the evaluation time");
            return false;
        }
        if (crl.fields().next_update && *crl.fields().next_update < policy_.at) {
            obstacles.expired.push_back(candidate.label + " (nextUpdate "
                                        + format_rfc3339(*crl.fields().next_update) + ")");
            return false;
        }
        return true;
    }

    // §6.3.3 (f)-(g): a certificate for the CRL issuer that has cRLSign, whose key verifies the
    // CRL, with a valid path to the same trust anchor that is not revoked.
    std::optional<CertificatePtr> find_signer(const Crl& crl,
                                              const std::vector<CertificatePtr>& path,
                                              std::size_t position, int depth,
                                              const std::string& label, Obstacles& obstacles) {
        std::vector<CertificatePtr> candidates;
        const auto add_candidate = [&](const CertificatePtr& c) {
            if (c->subject() == crl.issuer()
                && std::none_of(candidates.begin(), candidates.end(), [&](const CertificatePtr& o) {
                       return o->sha256() == c->sha256();
                   }))
                candidates.push_back(c);
        };
        for (std::size_t j = position + 1; j < path.size(); ++j)
            add_candidate(path[j]);
        for (const auto& c : pool_.all())
            add_candidate(c);

        std::string why = "no certificate of the CRL issuer " + crl.issuer().text() + " is known";
        std::string bad_signature;
        for (const auto& candidate : candidates) {
            const auto& ku = candidate->extensions().key_usage;
            if (ku && !ku->has(ku_crl_sign)) {
                why = "the CRL issuer's certificate " + candidate->label()
                      + " has keyUsage without cRLSign";
                continue;
            }
            const SignatureCheck signature = backend_.verify_crl_signature(crl, *candidate);
            if (!signature.ok()) {
                // Another certificate of the same CA (a key rollover) may still verify it.
                if (signature.status == SignatureStatus::invalid && bad_signature.empty())
                    bad_signature = label + ": " + signature.detail;
                why = "the CRL does not verify under the key of " + candidate->label();
                continue;
            }
            // A CRL issuer may cover itself with its own CRL (PKITS 4.14.30): its path is being
            // checked further up already.
            if (candidate_on_path(path, position, *candidate)
                || in_progress_.count(candidate->sha256()) != 0)
                return candidate;
            if (auto problem = signer_path_problem(candidate, path.back(), depth);
                !problem.empty()) {
                why = "the CRL issuer's certificate " + candidate->label() + ": " + problem;
                continue;
            }
            return candidate;
        }
        if (!bad_signature.empty()) {
            obstacles.bad_signature.push_back(bad_signature);
        } else {
            obstacles.other.push_back(label + ": " + why);
        }
        return std::nullopt;
    }

    static bool candidate_on_path(const std::vector<CertificatePtr>& path, std::size_t position,
                                  const Certificate& candidate) {
        return std::any_of(
            path.begin() + static_cast<std::ptrdiff_t>(position) + 1, path.end(),
            [&](const CertificatePtr& c) { return c->sha256() == candidate.sha256(); });
    }

    // Why `signer` has no valid, unrevoked path to `anchor`; empty when it has one.
    std::string signer_path_problem(const CertificatePtr& signer, const CertificatePtr& anchor,
                                    int depth) {
        if (depth >= max_signer_depth)
            return "its own CRL issuers are nested too deeply to check";
        const ChainBuilder builder(pool_);
        const PathValidator validator(backend_, signer_policy_);
        std::string problem = "no path to the trust anchor " + anchor->label();
        for (const auto& candidate : builder.build(signer).paths) {
            if (candidate.certificates.back()->sha256() != anchor->sha256())
                continue;
            const PathValidation validation = validator.validate(candidate);
            if (!validation.valid()) {
                problem = "its path fails " + validation.first_failure()->id + ": "
                          + validation.first_failure()->message;
                continue;
            }
            const std::string revoked = path_revocation_problem(candidate.certificates, depth + 1);
            if (!revoked.empty()) {
                problem = revoked;
                continue;
            }
            return {};
        }
        return problem;
    }

    std::string path_revocation_problem(const std::vector<CertificatePtr>& path, int depth) {
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            const Status s = status(path, i, depth);
            if (s.revocation.state == RevocationState::revoked)
                return path[i]->label() + " is revoked";
            if (s.revocation.state == RevocationState::unknown && mode_ == RevocationMode::require)
                return "the revocation status of " + path[i]->label() + " is unknown";
        }
        return {};
    }

    // §6.3.3 (h): the newest current delta CRL for `base`, signed by the same key and in scope.
    const CrlSet::Entry* find_delta(const Crl& base, const CertificatePtr& signer,
                                    const Certificate& cert, const DistributionPoint& point) const {
        const CrlSet::Entry* best = nullptr;
        for (const auto& candidate : crls_.all()) {
            const Crl& delta = *candidate.crl;
            if (!delta.is_delta() || !detail::delta_applies(delta, base))
                continue;
            if (!detail::crl_scope(delta, cert, point)
                || delta.has_unrecognized_critical_extension()
                || delta.has_unrecognized_critical_entry_extension())
                continue;
            const auto& f = delta.fields();
            if (policy_.at < f.this_update || (f.next_update && *f.next_update < policy_.at))
                continue;
            if (!backend_.verify_crl_signature(delta, *signer).ok())
                continue;
            if (best == nullptr
                || (f.crl_number && best->crl->fields().crl_number
                    && compare_hex_magnitudes(*f.crl_number, *best->crl->fields().crl_number) > 0))
                best = &candidate;
        }
        return best;
    }

    // §6.3.3 (i)-(k); true when the certificate is revoked.
    static bool apply(const Certificate& cert, const CrlSet::Entry& complete,
                      const CrlSet::Entry* delta, CertificateRevocation& out) {
        const auto revoke = [&](const CrlEntry& entry, const std::string& label) {
            out.reason = entry.reason;
            out.revocation_date = entry.revocation_date;
            out.crl = label;
            return true;
        };
        if (delta != nullptr) {
            if (const CrlEntry* entry = detail::find_entry(*delta->crl, cert)) {
                if (entry->reason == RevocationReason::remove_from_crl)
                    return false;
                return revoke(*entry, delta->label);
            }
        }
        if (const CrlEntry* entry = detail::find_entry(*complete.crl, cert)) {
            if (entry->reason != RevocationReason::remove_from_crl)
                return revoke(*entry, complete.label);
        }
        return false;
    }

    static std::string unknown_detail(const Obstacles& o, std::uint16_t covered) {
        std::string out;
        if (!o.other.empty())
            out = o.other.front();
        else if (covered != 0)
            out = "the CRLs given cover only some revocation reasons";
        else
            out = "no CRL given is authoritative for it";
        return out;
    }

    const CryptoBackend& backend_;
    const CrlSet& crls_;
    const CertificatePool& pool_;
    RevocationMode mode_;
    const ValidationPolicy& policy_;
    ValidationPolicy signer_policy_;
    std::set<std::string> in_progress_;
};

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : "; ") + item;
    return out;
}

}  // namespace

std::string describe_revocation(const CertificateRevocation& r) {
    std::string out = "revoked";
    if (r.revocation_date)
        out += " on " + format_rfc3339(*r.revocation_date);
    out += " (reason " + std::string(r.reason ? to_string(*r.reason) : "unspecified") + ")";
    out += " by " + r.crl;
    return out;
}

RevocationState overall_state(const std::vector<CertificateRevocation>& certificates) noexcept {
    // Nothing checked (no issuer known) tells nothing.
    RevocationState out = certificates.empty() ? RevocationState::unknown : RevocationState::good;
    for (const auto& c : certificates) {
        if (c.state == RevocationState::revoked)
            return RevocationState::revoked;
        if (c.state == RevocationState::unknown)
            out = RevocationState::unknown;
    }
    return out;
}

RevocationChecker::RevocationChecker(const CryptoBackend& backend, const CrlSet& crls,
                                     const CertificatePool& pool, RevocationMode mode)
    : backend_(backend), crls_(crls), pool_(pool), mode_(mode) {}

RevocationCheck RevocationChecker::check(const std::vector<CertificatePtr>& path,
                                         const ValidationPolicy& policy) const {
    RevocationCheck out;
    Check check(backend_, crls_, pool_, mode_, policy);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        Status s = check.status(path, i, 0);
        const Certificate& cert = *path[i];
        const std::string role = path_role(i, path.size());
        switch (s.revocation.state) {
            case RevocationState::revoked:
                out.findings.push_back(
                    path_finding(chain_check::revoked, cert, i,
                                 role + " is " + describe_revocation(s.revocation)));
                break;
            case RevocationState::unknown:
                if (!s.obstacles.bad_signature.empty()) {
                    out.findings.push_back(
                        path_finding(chain_check::crl_bad_signature, cert, i,
                                     role + ": the CRL that covers it does not verify: "
                                         + join(s.obstacles.bad_signature)));
                } else if (!s.obstacles.expired.empty()) {
                    out.findings.push_back(path_finding(
                        chain_check::crl_expired, cert, i,
                        role
                            + ": the CRL that covers it is expired: " + join(s.obstacles.expired)));
                } else if (mode_ == RevocationMode::require) {
                    out.findings.push_back(
                        path_finding(chain_check::revocation_unknown, cert, i,
                                     role + ": revocation status unknown: " + s.revocation.detail));
                }
                break;
            case RevocationState::good:
                break;
        }
        out.certificates.push_back(std::move(s.revocation));
    }
    return out;
}

}  // namespace dpslint
