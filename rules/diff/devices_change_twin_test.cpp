#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::devices_change_twin_test {

using namespace dpslint::test;

TEST_CASE("diff.devices-change-twin is checked by diff, never by a lint run",
          "[rule][diff.devices-change-twin]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.devices-change-twin", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.devices-change-twin fires on another initial twin",
          "[rule][diff.devices-change-twin]") {
    const nlohmann::json old_twin{{"properties", {{"desired", {{"firmware", "1.0"}}}}}};
    const nlohmann::json new_twin{{"properties", {{"desired", {{"firmware", "2.0"}}}}}};
    auto before = provisioned_through("fleet");
    before.initial_twin = &old_twin;
    auto after = before;
    after.initial_twin = &new_twin;
    const auto findings = transition_findings(before, after);
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.devices-change-twin"});
    CHECK(findings[0].severity == Severity::notice);

    // An equal twin held elsewhere is no change.
    const nlohmann::json same = old_twin;
    after.initial_twin = &same;
    CHECK(transition_findings(before, after).empty());
}

}  // namespace dpslint::rules::diff::devices_change_twin_test
