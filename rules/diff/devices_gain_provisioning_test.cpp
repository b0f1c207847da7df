#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::devices_gain_provisioning_test {

using namespace dpslint::test;

TEST_CASE("diff.devices-gain-provisioning is checked by diff, never by a lint run",
          "[rule][diff.devices-gain-provisioning]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.devices-gain-provisioning", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.devices-gain-provisioning fires when a refused device would provision",
          "[rule][diff.devices-gain-provisioning]") {
    const auto blocked =
        refused_by(Decision::blocked, reason_code::unauthorized, "individual", "device-1");
    const auto findings = transition_findings(blocked, provisioned_through("fleet"));
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.devices-gain-provisioning"});
    CHECK(findings[0].severity == Severity::warning);
    // Located at the enrollment that would let the device in.
    CHECK(findings[0].location.enrollment_id == "fleet");
    CHECK(findings[0].message.find("would provision through group 'fleet'") != std::string::npos);

    // Still refused, for another reason: no gain.
    const auto rejected =
        refused_by(Decision::rejected, reason_code::unauthorized, "group", "fleet");
    CHECK(finding_ids(transition_findings(blocked, rejected)).empty());
}

}  // namespace dpslint::rules::diff::devices_gain_provisioning_test
