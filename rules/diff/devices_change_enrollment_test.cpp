#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::devices_change_enrollment_test {

using namespace dpslint::test;

TEST_CASE("diff.devices-change-enrollment is checked by diff, never by a lint run",
          "[rule][diff.devices-change-enrollment]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.devices-change-enrollment", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.devices-change-enrollment fires when another enrollment decides",
          "[rule][diff.devices-change-enrollment]") {
    const auto findings =
        transition_findings(provisioned_through("old-group"), provisioned_through("new-group"));
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.devices-change-enrollment"});
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].message.rfind("1 device(s) would move from group 'old-group' to group "
                                    "'new-group'",
                                    0)
          == 0);
    CHECK(findings[0].location.enrollment_id == "old-group");

    // The same enrollment, its id in another case: DPS compares ids ignoring case.
    CHECK(transition_findings(provisioned_through("g"), provisioned_through("G")).empty());
}

}  // namespace dpslint::rules::diff::devices_change_enrollment_test
