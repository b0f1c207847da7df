#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::shadowed_test {

using namespace dpslint::test;

namespace {
Snapshot root_and_intermediate_groups() {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("all", "my-root-ca"));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("enrollment.shadowed fires for a root group hidden by the intermediate's group",
          "[rule][enrollment.shadowed]") {
    const Snapshot s = root_and_intermediate_groups();
    const auto r = run_rule("enrollment.shadowed", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.shadowed"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.enrollment_id == "all");
    CHECK(f.location.json_pointer == "/1/attestation/x509/caReferences/primary");
    CHECK(f.location.ca_name == "my-root-ca");
    CHECK_THAT(f.message, Catch::Contains("'fleet'"));
    CHECK_THAT(f.message, Catch::Contains("'my-intermediate-ca'"));
}

TEST_CASE("enrollment.shadowed says a disabled lower group blocks, and counts given devices",
          "[rule][enrollment.shadowed]") {
    Snapshot s = root_and_intermediate_groups();
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    const auto r = run_rule("enrollment.shadowed", &s,
                            {"demo/devices/device-1.pem", "demo/devices/device-2.pem",
                             "demo/devices/customer-a-0001.pem"});
    REQUIRE(r.findings.size() == 1);
    CHECK_THAT(r.findings[0].message, Catch::Contains("disabled"));
    CHECK_THAT(r.findings[0].message, Catch::Contains("captures 2 of the 3 given devices"));
}

TEST_CASE("enrollment.shadowed is silent for groups on sibling CAs",
          "[rule][enrollment.shadowed]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(
        inline_group("customer-a", certificate("demo/ca/customer-a-intermediate-ca.pem")));
    renumber(s);
    const auto r = run_rule("enrollment.shadowed", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::enrollment::shadowed_test
