#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::expected_loss_test {

using namespace dpslint::test;

TEST_CASE("diff.expected-loss is checked by diff, never by a lint run",
          "[rule][diff.expected-loss]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.expected-loss", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.expected-loss replaces a loss the user expects", "[rule][diff.expected-loss]") {
    const auto before = provisioned_through("fleet");
    const auto after = refused_by(Decision::blocked, reason_code::unauthorized, "group", "fleet");
    // Enrollment ids compare ignoring case.
    const auto findings = transition_findings(before, after, {}, {"FLEET"});
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.expected-loss"});
    CHECK(findings[0].severity == Severity::notice);
    CHECK(findings[0].message.find("as expected") != std::string::npos);

    // Another enrollment expected: the loss stays an error.
    CHECK(finding_ids(transition_findings(before, after, {}, {"other"}))
          == std::vector<std::string>{"diff.devices-lose-provisioning"});
}

}  // namespace dpslint::rules::diff::expected_loss_test
