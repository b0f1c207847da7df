#include "support/diff_harness.hpp"

#include "dpslint/diff/config_diff.hpp"
#include "dpslint/diff/impact.hpp"
#include "dpslint/diff/policy.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/linter.hpp"

#include "dpslint_rules/registry.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::test {

namespace {

const TimePoint at = make_time(2026, 12, 1);

}  // namespace

AttestationResult provisioned_through(const std::string& group) {
    AttestationResult r;
    r.decision = Decision::provisioned;
    r.reason_code = reason_code::assigned;
    r.registration_id = "device-1";
    r.enrollment = EnrollmentRef{"group", group, {"enrollment-groups.json", "/0"}};
    r.allocation_policy = AllocationPolicy::hashed;
    r.hubs = {HubCandidate{"hub-a.azure-devices.net", "eastus", 1, true},
              HubCandidate{"hub-b.azure-devices.net", "westus", 1, true}};
    r.reprovision_policy = ReprovisionPolicy{};
    return r;
}

AttestationResult refused_by(Decision decision, int reason_code, const std::string& kind,
                             const std::string& id) {
    AttestationResult r;
    r.decision = decision;
    r.reason_code = reason_code;
    r.reason = "refused";
    r.registration_id = "device-1";
    r.enrollment = EnrollmentRef{kind, id, {"enrollment-groups.json", "/0"}};
    return r;
}

std::vector<Finding> transition_findings(const AttestationResult& before,
                                         const AttestationResult& after,
                                         const lint::LintConfig& config,
                                         const std::vector<std::string>& expected_losses) {
    const lint::Linter linter(rules::registry(), config, {}, at);
    diff::DeviceImpact device;
    device.before = before;
    device.after = after;
    device.comparison = diff::compare_decisions(before, after);
    diff::TransitionPolicy policy;
    policy.observe("devices/device-1.pem", device);
    auto findings = policy.findings(linter, expected_losses);
    lint::LintReport report;
    linter.finalize(std::move(findings), report);
    return report.findings;
}

std::vector<Finding> change_findings(const Snapshot& before, const Snapshot& after) {
    const lint::Linter linter(rules::registry(), {}, {}, at);
    const lint::LintContext before_context(at, backend(), &before);
    const lint::LintContext after_context(at, backend(), &after);
    return diff::configuration_findings(diff::diff_config(before, after), before_context,
                                        after_context, linter);
}

std::vector<std::string> finding_ids(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.id);
    return out;
}

}  // namespace dpslint::test
