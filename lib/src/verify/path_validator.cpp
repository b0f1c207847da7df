#include "dpslint/path_validator.hpp"

#include <algorithm>

#include "dpslint/chain_checks.hpp"
#include "dpslint/profile.hpp"
#include "dpslint/revocation.hpp"

#include "verify/name_constraints.hpp"
#include "verify/policy_processing.hpp"

namespace dpslint {

std::string_view to_string(Purpose purpose) noexcept {
    switch (purpose) {
        case Purpose::client_auth:
            return "client";
        case Purpose::server_auth:
            return "server";
        case Purpose::any:
            return "any";
        case Purpose::other:
            break;
    }
    return "oid";
}

std::optional<Purpose> parse_purpose(std::string_view text) noexcept {
    if (text == "client")
        return Purpose::client_auth;
    if (text == "server")
        return Purpose::server_auth;
    if (text == "any")
        return Purpose::any;
    return std::nullopt;
}

bool is_dotted_oid(std::string_view text) noexcept {
    std::size_t arcs = 0;
    std::size_t digits = 0;
    for (const char c : text) {
        if (c == '.') {
            if (digits == 0)
                return false;
            ++arcs;
            digits = 0;
        } else if (c >= '0' && c <= '9') {
            ++digits;
        } else {
            return false;
        }
    }
    return digits > 0 && arcs >= 1;
}

std::string required_key_purpose(const ValidationPolicy& policy) {
    switch (policy.purpose) {
        case Purpose::client_auth:
            return oid_eku_client_auth;
        case Purpose::server_auth:
            return oid_eku_server_auth;
        case Purpose::other:
            return policy.purpose_oid;
        case Purpose::any:
            break;
    }
    return {};
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

    PathValidation run() {
        const std::size_t n = path_.size();
        for (std::size_t i = 0; i < n; ++i) {
            check_validity(i);
            check_key(i);
            check_critical_extensions(i);
            check_extension_problems(i);
            check_name_constraints_holder(i);
            if (policy_.strict)
                check_profile(i);
            if (i + 1 < n) {
                check_signature(i);
                check_signature_algorithm(i);
            }
            if (i > 0) {
                check_issuer_is_ca(i);
                check_key_cert_sign(i);
                check_path_length(i);
            }
        }
        check_name_constraints();
        check_purpose();
        PathValidation out;
        out.policies = check_policies();
        if (policy_.revocation != nullptr) {
            RevocationCheck revocation = policy_.revocation->check(path_, policy_);
            out.revocation = std::move(revocation.certificates);
            for (auto& f : revocation.findings)
                findings_.push_back(std::move(f));
        }
        std::stable_sort(findings_.begin(), findings_.end(),
                         [](const Finding& a, const Finding& b) {
                             if (a.location.path_position != b.location.path_position) {
                                 return a.location.path_position < b.location.path_position;
                             }
                             return a.id < b.id;
                         });
        out.findings = std::move(findings_);
        return out;
    }

private:
    void add(std::string_view id, std::size_t position, std::string message) {
        findings_.push_back(path_finding(id, *path_[position], position, std::move(message)));
    }

    std::string role(std::size_t i) const { return path_role(i, path_.size()); }

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

    void check_extension_problems(std::size_t i) {
        for (const auto& problem : path_[i]->extensions().problems) {
            const auto id = problem.kind == ExtensionProblemKind::duplicate
                                ? chain_check::duplicate_extension
                                : chain_check::malformed_extension;
            add(id, i, role(i) + ": " + describe(problem));
        }
    }

    // nameConstraints MUST be used only in CA certificates (RFC 5280 §4.2.1.10). Issuers that
    // are not CAs fail chain.issuer-not-ca already.
    void check_name_constraints_holder(std::size_t i) {
        const Certificate& c = *path_[i];
        if (c.extensions().name_constraints && !c.is_ca()) {
            add(chain_check::name_constraints_not_ca, i,
                role(i) + " has a nameConstraints extension but is not a CA certificate");
        }
    }

    void check_profile(std::size_t i) {
        for (auto& violation : profile_violations(*path_[i]))
            add(violation.id, i, role(i) + ": " + violation.message);
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

    // RFC 5280 §6.1.3 (b)-(c) and §6.1.4 (g): each CA's constraints apply to every certificate
    // below it, except self-issued intermediates. The comparisons of the whole path share one
    // work budget.
    void check_name_constraints() {
        std::size_t work_left = policy_.max_name_constraint_work;
        std::vector<std::optional<std::vector<GeneralName>>> names(path_.size());
        for (std::size_t i = path_.size(); i-- > 1;) {
            const auto& nc = path_[i]->extensions().name_constraints;
            if (!nc)
                continue;
            for (std::size_t j = 0; j < i; ++j) {
                if (j > 0 && path_[j]->is_self_issued())
                    continue;
                if (!names[j])
                    names[j] = detail::constrained_names(*path_[j]);
                const auto violations =
                    detail::name_constraint_violations(*nc, *names[j], work_left);
                if (!violations) {
                    add(chain_check::name_constraints_work, i,
                        role(i) + "'s name constraints would take more than "
                            + std::to_string(policy_.max_name_constraint_work)
                            + " name comparisons along this path; not checked");
                    return;
                }
                for (const auto& why : *violations) {
                    add(chain_check::name_constraints, j,
                        role(j) + ": " + why + " (constraints of " + path_[i]->label() + ")");
                }
            }
        }
    }

    // The leaf's extendedKeyUsage, when present, must allow the purpose. Intermediates that
    // carry one constrain the path the same way (what browsers, Go and OpenSSL do; RFC 5280
    // leaves it open); the trust anchor's is not looked at (§6.1.1 (d)).
    void check_purpose() {
        const std::string wanted = required_key_purpose(policy_);
        if (wanted.empty())
            return;
        const auto allows = [&](const ExtendedKeyUsage& eku) {
            return std::any_of(eku.oids.begin(), eku.oids.end(), [&](const std::string& oid) {
                return oid == wanted || oid == oid_eku_any;
            });
        };
        const std::string purpose_text = policy_.purpose == Purpose::client_auth   ? "clientAuth"
                                         : policy_.purpose == Purpose::server_auth ? "serverAuth"
                                                                                   : wanted;
        const std::size_t anchor = path_.size() - 1;
        for (std::size_t i = 0; i == 0 || i < anchor; ++i) {
            const auto& eku = path_[i]->extensions().extended_key_usage;
            if (!eku || allows(*eku))
                continue;
            const auto id = i == 0 && policy_.purpose == Purpose::client_auth
                                ? chain_check::eku_no_client_auth
                                : chain_check::eku_purpose;
            add(id, i,
                role(i) + " has extendedKeyUsage without " + purpose_text
                    + " or anyExtendedKeyUsage");
        }
    }

    PolicyOutcome check_policies() {
        auto processed = detail::process_policies(path_, policy_.policies);
        for (auto& failure : processed.failures) {
            add(failure.id, failure.position, role(failure.position) + ": " + failure.message);
        }
        return std::move(processed.outcome);
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
    if (path.certificates.empty()) {
        PathValidation result;
        result.path = path;
        return result;
    }
    PathValidation result = PathCheck(backend_, policy_, cache_, path).run();
    result.path = path;
    return result;
}

}  // namespace dpslint
