#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::disabled_test {

using namespace dpslint::test;

TEST_CASE("enrollment.disabled notes a disabled group, what it blocks and what it hides",
          "[rule][enrollment.disabled]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    s.groups.push_back(x509_group("all", "my-root-ca"));
    renumber(s);
    const auto r = run_rule("enrollment.disabled", &s,
                            {"demo/devices/device-1.pem", "demo/devices/customer-a-0001.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.disabled"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::notice);
    CHECK(f.location.file == "enrollment-groups.json");
    CHECK(f.location.json_pointer == "/0/provisioningStatus");
    CHECK(f.location.enrollment_id == "fleet");
    CHECK_THAT(f.message, Catch::Contains("'my-intermediate-ca'"));
    CHECK_THAT(f.message, Catch::Contains("do not fall through to enabled group 'all'"));
    CHECK_THAT(f.message, Catch::Contains("blocks 'device-1'"));
}

TEST_CASE("enrollment.disabled is silent for enabled groups", "[rule][enrollment.disabled]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("enrollment.disabled", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::enrollment::disabled_test
