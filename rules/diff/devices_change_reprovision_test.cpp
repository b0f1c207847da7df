#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::devices_change_reprovision_test {

using namespace dpslint::test;

TEST_CASE("diff.devices-change-reprovision is checked by diff, never by a lint run",
          "[rule][diff.devices-change-reprovision]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.devices-change-reprovision", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.devices-change-reprovision fires on another reprovision policy",
          "[rule][diff.devices-change-reprovision]") {
    const auto before = provisioned_through("fleet");
    auto after = before;
    after.reprovision_policy->migrate_device_data = false;
    const auto findings = transition_findings(before, after);
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.devices-change-reprovision"});
    CHECK(findings[0].severity == Severity::notice);
    CHECK(findings[0].message.find("another reprovision policy") != std::string::npos);
    CHECK(transition_findings(before, before).empty());
}

}  // namespace dpslint::rules::diff::devices_change_reprovision_test
