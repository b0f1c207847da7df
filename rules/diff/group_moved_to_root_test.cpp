#include <catch2/catch.hpp>

#include "support/diff_harness.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::diff::group_moved_to_root_test {

using namespace dpslint::test;

TEST_CASE("diff.group-moved-to-root is checked by diff, never by a lint run",
          "[rule][diff.group-moved-to-root]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("diff.group-moved-to-root", &s, {"demo/devices/device-1.pem"});
    CHECK_FALSE(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("diff.group-moved-to-root fires when a group's CA moves to a root",
          "[rule][diff.group-moved-to-root]") {
    const Snapshot before = demo_snapshot();  // fleet on my-intermediate-ca
    Snapshot after = demo_snapshot();
    after.groups[0].settings.attestation.x509->ca_reference_primary = "my-root-ca";
    const auto findings = change_findings(before, after);
    REQUIRE(finding_ids(findings) == std::vector<std::string>{"diff.group-moved-to-root"});
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].location.enrollment_id == "fleet");
    CHECK(findings[0].message.find("group 'fleet' moved from") != std::string::npos);

    // The way back (root to intermediate) narrows what the group claims: nothing to say.
    CHECK(change_findings(after, before).empty());
    CHECK(change_findings(before, before).empty());
}

}  // namespace dpslint::rules::diff::group_moved_to_root_test
