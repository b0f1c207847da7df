#include "dpslint/path_validator.hpp"

#include <algorithm>

#include "dpslint/chain_checks.hpp"

#include "name_constraints.hpp"

namespace dpslint {

std::string_view to_string(Purpose purpose) noexcept {
    return purpose == Purpose::any ? "any" : "client";
}

std::optional<Purpose> parse_purpose(std::string_view text) noexcept {
    if (text == "client")
        return Purpose::client_auth;
    if (text == "any")
        return Purpose::any;
    return std::nullopt;
}

const Finding* PathValidation::first_failure() const noexcept {
    return findings.empty() ? nullptr : &findings.front();
}

namespace {

class PathCheck {
public:
    PathCheck(const CryptoBackend& backend, const ValidationPolicy& policy, SignatureCache* cache,
              const CandidatePath& path)
        : backend_(backend), policy_(policy), cache_(cache), path_(path.certificates) {}

    std::vector<Finding> run() {
        const std::size_t n = path_.size();
        for (std::size_t i = 0; i < n; ++i) {
            check_validity(i);
            check_key(i);
            check_critical_extensions(i);
            if (i + 1 < n) {
                check_signature(i);
                check_signature_algorithm(i);
            }
            if (i > 0) {
                check_issuer_is_ca(i);
                check_key_cert_sign(i);
                check_path_length(i);
                check_name_constraints(i);
            }
        }
        check_leaf_purpose();
        std::stable_sort(findings_.begin(), findings_.end(),
                         [](const Finding& a, const Finding& b) {
                             if (a.location.path_position != b.location.path_position) {
                                 return a.location.path_position < b.location.path_position;
                             }
                             return a.id < b.id;
                         });
        return std::move(findings_);
    }

private:
    void add(std::string_view id, std::size_t position, std::string message) {
        findings_.push_back(chain_finding(id, *path_[position], position, std::move(message)));
    }

    std::string role(std::size_t i) const {
        if (i == 0)
            return path_.size() == 1 ? "trust anchor" : "device certificate";
        return i + 1 == path_.size() ? "trust anchor" : "intermediate CA";
    }

    void check_validity(std::size_t i) {
        const Certificate& c = *path_[i];
        if (policy_.at < c.not_before()) {
            add(chain_check::not_yet_valid, i,
                role(i) + " is not valid before " + format_rfc3339(c.not_before()));
        }
        if (c.not_after() < policy_.at) {
            add(chain_check::expired, i, role(i) + " expired at " + format_rfc3339(c.not_after()));
        }
    }

    void check_key(std::size_t i) {
        if (auto why = policy_.algorithms.check_key(path_[i]->public_key()); !why.empty()) {
            add(chain_check::weak_key, i, role(i) + ": " + why);
        }
    }

    void check_critical_extensions(std::size_t i) {
        for (const auto& ext : path_[i]->extensions().unrecognized) {
            if (ext.critical) {
                add(chain_check::unknown_critical_extension, i,
                    role(i) + " has an unrecognised critical extension " + ext.oid);
            }
        }
    }

    void check_signature(std::size_t i) {
        const Certificate& subject = *path_[i];
        const Certificate& issuer = *path_[i + 1];
        const auto compute = [&] {
            return backend_.verify_signature(subject, issuer);
        };
        // Leaves are seen once; only CA links repeat across a batch and are worth remembering.
        const SignatureCheck check = (cache_ != nullptr && i > 0)
                                         ? cache_->get_or_compute(subject, issuer, compute)
                                         : compute();
        if (check.status == SignatureStatus::invalid) {
            add(chain_check::bad_signature, i,
                role(i) + "'s signature does not verify under the key of " + issuer.label()
                    + (check.detail.empty() ? "" : " (" + check.detail + ")"));
        } else if (check.status == SignatureStatus::unsupported) {
            add(chain_check::signature_unsupported, i,
                role(i) + "'s signature cannot be checked: " + check.detail);
        }
    }

    void check_signature_algorithm(std::size_t i) {
        const auto& algorithm = path_[i]->signature_algorithm();
        if (auto why = policy_.algorithms.check_signature(algorithm); !why.empty()) {
            add(chain_check::weak_signature_algorithm, i, role(i) + ": " + why);
        }
    }

    void check_issuer_is_ca(std::size_t i) {
        const Certificate& c = *path_[i];
        const bool anchor = i + 1 == path_.size();
        if (c.version() < 3) {
            // A v1 self-signed root is an acceptable trust anchor; a v1 CA anywhere else cannot
            // show that it is a CA.
            if (anchor && c.is_self_issued())
                return;
            add(chain_check::issuer_not_ca, i,
                role(i) + " is an X.509 v" + std::to_string(c.version())
                    + " certificate without basicConstraints and cannot issue certificates");
            return;
        }
        const auto& bc = c.extensions().basic_constraints;
        if (!bc) {
            add(chain_check::issuer_not_ca, i,
                role(i) + " has no basicConstraints extension, so it is not a CA");
        } else if (!bc->ca) {
            add(chain_check::issuer_not_ca, i, role(i) + " has basicConstraints cA=FALSE");
        }
    }

    void check_key_cert_sign(std::size_t i) {
        const auto& ku = path_[i]->extensions().key_usage;
        if (ku && !ku->has(ku_key_cert_sign)) {
            add(chain_check::key_usage_no_cert_sign, i,
                role(i) + " has a keyUsage extension without keyCertSign");
        }
    }

    void check_path_length(std::size_t i) {
        const auto& bc = path_[i]->extensions().basic_constraints;
        if (!bc || !bc->ca || !bc->path_len)
            return;
        // Non-self-issued intermediates below this CA (the leaf does not count).
        std::size_t below = 0;
        for (std::size_t j = 1; j < i; ++j) {
            if (!path_[j]->is_self_issued())
                ++below;
        }
        if (below > static_cast<std::size_t>(*bc->path_len)) {
            add(chain_check::path_length_exceeded, i,
                role(i) + " allows " + std::to_string(*bc->path_len)
                    + " intermediate CA(s) below it (pathLenConstraint) but the path has "
                    + std::to_string(below));
        }
    }

    void check_name_constraints(std::size_t i) {
        const auto& nc = path_[i]->extensions().name_constraints;
        if (!nc)
            return;
        for (std::size_t j = 0; j < i; ++j) {
            const bool check_subject = j == 0 || !path_[j]->is_self_issued();
            for (auto& why : detail::name_constraint_violations(*nc, *path_[j], check_subject)) {
                add(chain_check::name_constraints, j,
                    role(j) + ": " + why + " (constraints of " + path_[i]->label() + ")");
            }
        }
    }

    void check_leaf_purpose() {
        if (policy_.purpose != Purpose::client_auth)
            return;
        const auto& eku = path_.front()->extensions().extended_key_usage;
        if (eku && !eku->allows_client_auth()) {
            add(chain_check::eku_no_client_auth, 0,
                role(0) + " has extendedKeyUsage without clientAuth or anyExtendedKeyUsage");
        }
    }

    const CryptoBackend& backend_;
    const ValidationPolicy& policy_;
    SignatureCache* cache_;
    const std::vector<CertificatePtr>& path_;
    std::vector<Finding> findings_;
};

}  // namespace

PathValidator::PathValidator(const CryptoBackend& backend, ValidationPolicy policy,
                             SignatureCache* cache)
    : backend_(backend), policy_(std::move(policy)), cache_(cache) {}

PathValidation PathValidator::validate(const CandidatePath& path) const {
    PathValidation result;
    result.path = path;
    if (path.certificates.empty())
        return result;
    result.findings = PathCheck(backend_, policy_, cache_, path).run();
    return result;
}

}  // namespace dpslint
