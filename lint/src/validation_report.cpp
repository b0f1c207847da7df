#include "validation_report.hpp"

#include "dpslint/chain_checks.hpp"

namespace dpslint::cli {

nlohmann::json policies_json(const PolicyOutcome& policies) {
    return {{"authoritiesConstrained", policies.authorities_constrained},
            {"userConstrained", policies.user_constrained}};
}

nlohmann::json revocation_json(const PathValidation& validation) {
    return revocation_json(validation.revocation, validation.path.certificates);
}

nlohmann::json revocation_json(const std::vector<CertificateRevocation>& statuses,
                               const std::vector<CertificatePtr>& path) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : statuses) {
        nlohmann::json j{{"position", r.path_position},
                         {"subject", path.at(r.path_position)->subject().text()},
                         {"status", std::string(to_string(r.state))}};
        if (r.state == RevocationState::revoked) {
            j["reason"] = std::string(r.reason ? to_string(*r.reason) : "unspecified");
            if (r.revocation_date)
                j["revocationDate"] = format_rfc3339(*r.revocation_date);
            j["crl"] = r.crl;
        }
        if (!r.detail.empty())
            j["detail"] = r.detail;
        out.push_back(std::move(j));
    }
    return out;
}

std::string policies_text(const std::vector<std::string>& policies) {
    if (policies.empty())
        return "none";
    std::string out;
    for (const auto& p : policies) {
        if (!out.empty())
            out += ", ";
        out += p == oid_any_policy ? "anyPolicy" : p;
    }
    return out;
}

std::string revocation_text(const PathValidation& validation) {
    return revocation_text(validation.revocation, validation.path.certificates.size());
}

std::string revocation_text(const std::vector<CertificateRevocation>& statuses, std::size_t size) {
    std::string out;
    for (const auto& r : statuses) {
        if (!out.empty())
            out += ", ";
        out += path_role(r.path_position, size) + " " + std::string(to_string(r.state));
        if (r.state == RevocationState::unknown && !r.detail.empty())
            out += " (" + r.detail + ")";
    }
    return out;
}

}  // namespace dpslint::cli
