#include <algorithm>

#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::devices_change_hub_test {

using namespace dpslint::test;

TEST_CASE("diff.devices-change-hub is checked by diff, never by a lint run",
          "[rule][diff.devices-change-hub]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.devices-change-hub", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.devices-change-hub fires on another hub set or allocation policy",
          "[rule][diff.devices-change-hub]") {
    const auto before = provisioned_through("fleet");
    auto fewer = before;
    fewer.hubs.pop_back();
    auto findings = transition_findings(before, fewer);
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.devices-change-hub"});
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].location.enrollment_id == "fleet");

    auto policy = before;
    policy.allocation_policy = AllocationPolicy::geo_latency;
    CHECK(finding_ids(transition_findings(before, policy))
          == std::vector<std::string>{"diff.devices-change-hub"});

    // The same hubs in another order are the same set.
    auto reordered = before;
    std::reverse(reordered.hubs.begin(), reordered.hubs.end());
    CHECK(transition_findings(before, reordered).empty());
}

}  // namespace dpslint::rules::diff::devices_change_hub_test
