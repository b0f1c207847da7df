#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::devices_lose_provisioning_test {

using namespace dpslint::test;

TEST_CASE("diff.devices-lose-provisioning is checked by diff, never by a lint run",
          "[rule][diff.devices-lose-provisioning]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.devices-lose-provisioning", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.devices-lose-provisioning fires when a provisioned device would be refused",
          "[rule][diff.devices-lose-provisioning]") {
    const auto before = provisioned_through("fleet");
    const auto after = refused_by(Decision::blocked, reason_code::unauthorized, "group", "fleet");
    const auto findings = transition_findings(before, after);
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.devices-lose-provisioning"});
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].location.enrollment_kind == "group");
    CHECK(findings[0].location.enrollment_id == "fleet");
    CHECK(findings[0].location.file == "enrollment-groups.json");
    CHECK(findings[0].message.rfind("1 device(s) provisioned through group 'fleet' would no "
                                    "longer provision",
                                    0)
          == 0);
}

TEST_CASE("diff.devices-lose-provisioning follows the lint configuration",
          "[rule][diff.devices-lose-provisioning]") {
    const auto before = provisioned_through("fleet");
    const auto after = refused_by(Decision::blocked, reason_code::unauthorized, "group", "fleet");
    lint::LintConfig config;
    config.severity.emplace_back("diff.devices-lose-provisioning", Severity::warning);
    const auto lowered = transition_findings(before, after, config);
    REQUIRE(lowered.size() == 1);
    CHECK(lowered[0].severity == Severity::warning);

    config = {};
    config.disable.push_back("diff.*");
    CHECK(transition_findings(before, after, config).empty());
}

}  // namespace dpslint::rules::diff::devices_lose_provisioning_test
