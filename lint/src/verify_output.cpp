#include "verify_output.hpp"

#include <algorithm>
#include <ostream>

#include "dpslint/output_text.hpp"

#include "finding_json.hpp"
#include "validation_report.hpp"

namespace dpslint::cli {

namespace {

nlohmann::json path_json(const CandidatePath& path, const CertificatePool& pool) {
    nlohmann::json out = nlohmann::json::array();
    // Root first, as people draw chains; "position" keeps the validator's numbering (0 = leaf).
    for (std::size_t i = path.certificates.size(); i-- > 0;) {
        const auto& c = *path.certificates[i];
        out.push_back({{"position", i},
                       {"subject", c.subject().text()},
                       {"sha256", c.sha256()},
                       {"trustAnchor", pool.is_trust_anchor(c)}});
    }
    return out;
}

std::string path_text(const CandidatePath& path) {
    std::string out;
    for (std::size_t i = path.certificates.size(); i-- > 0;) {
        out += one_line(path.certificates[i]->label());
        if (i != 0)
            out += " -> ";
    }
    return out;
}

bool has_policies(const CandidatePath& path) {
    return std::any_of(
        path.certificates.begin(), path.certificates.end(),
        [](const CertificatePtr& c) { return c->extensions().certificate_policies.has_value(); });
}

}  // namespace

std::size_t VerifyResult::valid() const {
    return static_cast<std::size_t>(std::count_if(
        leaves.begin(), leaves.end(),
        [](const LeafReport& r) { return r.verification && r.verification->valid(); }));
}

std::size_t VerifyResult::unreadable() const {
    return static_cast<std::size_t>(std::count_if(
        leaves.begin(), leaves.end(), [](const LeafReport& r) { return !r.error.empty(); }));
}

nlohmann::json verify_result_json(const VerifyResult& result) {
    const auto& pool = *result.pool;
    const auto& validation = *result.validation;
    const bool check_revocation = result.checks_revocation();
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : result.leaves) {
        nlohmann::json j{{"file", r.file}};
        if (!r.error.empty()) {
            j["error"] = r.error;
            j["valid"] = false;
        } else {
            const auto& v = *r.verification;
            j["leaf"] = certificate_summary(*v.leaf);
            j["valid"] = v.valid();
            j["path"] = v.chosen ? path_json(v.chosen->path, pool) : nlohmann::json::array();
            j["policies"] = policies_json(v.chosen ? v.chosen->policies : PolicyOutcome{});
            if (check_revocation) {
                j["revocation"] = v.chosen ? revocation_json(*v.chosen) : nlohmann::json::array();
            }
            j["findings"] = to_json(r.findings);
            nlohmann::json candidates = nlohmann::json::array();
            for (const auto& c : v.rejected) {
                auto failure = c.first_failure;
                failure.location.file = r.file;
                candidates.push_back(
                    {{"path", path_json(c.path, pool)}, {"firstFailure", to_json(failure)}});
            }
            j["rejectedCandidates"] = candidates;
        }
        results.push_back(std::move(j));
    }
    const nlohmann::json doc{
        {"command", "verify"},
        {"at", format_rfc3339(result.at)},
        {"backend", result.backend},
        {"purpose", validation.purpose},
        {"policyInputs",
         {{"initialPolicySet", result.initial_policy_set},
          {"requireExplicitPolicy", validation.require_explicit_policy},
          {"inhibitPolicyMapping", validation.inhibit_policy_mapping},
          {"inhibitAnyPolicy", validation.inhibit_any_policy}}},
        {"strict", validation.strict},
        {"revocation",
         check_revocation ? nlohmann::json(validation.revocation) : nlohmann::json(nullptr)},
        {"inputFindings", to_json(result.input_findings)},
        {"results", results},
        {"summary",
         {{"leaves", result.leaves.size()},
          {"valid", result.valid()},
          {"invalid", result.invalid()},
          {"unreadable", result.unreadable()},
          {"trustFiles", result.trust_files},
          {"trustAnchors", pool.trust_anchors().size()},
          {"untrustedFiles", result.untrusted_files},
          {"untrustedCertificates", pool.size() - pool.trust_anchors().size()}}}};
    return doc;
}

void print_verify_result_text(const VerifyResult& result, std::ostream& out,
                              const TextStyle& style) {
    const auto& validation = *result.validation;
    const bool check_revocation = result.checks_revocation();
    const bool show_policies = !validation.policies.empty() || validation.require_explicit_policy
                               || validation.inhibit_policy_mapping
                               || validation.inhibit_any_policy;
    const std::size_t anchors = result.pool->trust_anchors().size();
    const std::size_t untrusted = result.pool->size() - anchors;
    for (const auto& f : result.input_findings)
        out << format_finding_line(f, style) << '\n';
    for (const auto& r : result.leaves) {
        if (!r.error.empty()) {
            out << style.bold(one_line(r.file)) << ": " << style.bad("UNREADABLE") << '\n'
                << "  " << one_line(r.error) << '\n';
            continue;
        }
        const auto& v = *r.verification;
        out << style.bold(one_line(r.file)) << ": "
            << (v.valid() ? style.good("valid") : style.bad("INVALID")) << '\n';
        if (v.chosen) {
            out << "  path: " << path_text(v.chosen->path) << '\n';
            if (show_policies || has_policies(v.chosen->path)) {
                out << "  valid policies: "
                    << one_line(policies_text(v.chosen->policies.user_constrained)) << '\n';
            }
            if (check_revocation)
                out << "  revocation: " << one_line(revocation_text(*v.chosen)) << '\n';
        }
        for (const auto& f : r.findings)
            out << "  " << format_finding_line(f, style) << '\n';
        if (!v.valid()) {
            for (const auto& c : v.rejected) {
                out << "  other candidate: " << path_text(c.path) << '\n'
                    << "    first failure: " << one_line(c.first_failure.id) << ": "
                    << one_line(c.first_failure.message) << '\n';
            }
        }
    }
    // Says what was taken as what, so a wrong split of the arguments shows.
    out << "inputs: " << result.leaves.size() << " leaf file(s) checked; " << anchors
        << " trust anchor(s) from " << result.trust_files << " --trust file(s); " << untrusted
        << " untrusted certificate(s) from " << result.untrusted_files << " --untrusted file(s)\n";
    out << "summary: " << result.leaves.size() << " leaf file(s), " << result.valid() << " valid, "
        << result.invalid() << " invalid";
    if (result.unreadable() > 0)
        out << ", " << result.unreadable() << " unreadable";
    out << " (at " << format_rfc3339(result.at) << ", backend " << result.backend << ")\n";
}

}  // namespace dpslint::cli
