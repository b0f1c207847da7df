#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::no_eligible_hub_test {

using namespace dpslint::test;

TEST_CASE("allocation.no-eligible-hub fires when no hub is linked",
          "[rule][allocation.no-eligible-hub]") {
    Snapshot s = empty_snapshot();
    s.groups.push_back(x509_group("fleet", "my-intermediate-ca"));
    renumber(s);
    const auto r = run_rule("allocation.no-eligible-hub", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.no-eligible-hub"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("no hub is linked"));
}

TEST_CASE("allocation.no-eligible-hub fires when every linked hub opted out",
          "[rule][allocation.no-eligible-hub]") {
    Snapshot s = demo_snapshot();
    for (auto& hub : *s.linked_hubs)
        hub.apply_allocation_policy = false;
    const auto r = run_rule("allocation.no-eligible-hub", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK_THAT(r.findings[0].message, Catch::Contains("applyAllocationPolicy false"));
}

TEST_CASE("allocation.no-eligible-hub fires when every named hub is unlinked",
          "[rule][allocation.no-eligible-hub]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.iot_hubs = {"hub-x.azure-devices.net"};
    const auto r = run_rule("allocation.no-eligible-hub", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/iotHubs");
    CHECK_THAT(r.findings[0].message, Catch::Contains("the hub it names is not linked"));
}

TEST_CASE("allocation.no-eligible-hub is silent when a named hub opted out of allocation",
          "[rule][allocation.no-eligible-hub]") {
    Snapshot s = demo_snapshot();
    for (auto& hub : *s.linked_hubs)
        hub.apply_allocation_policy = false;
    s.groups[0].settings.iot_hubs = {"hub-eastus.azure-devices.net"};
    const auto r = run_rule("allocation.no-eligible-hub", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
    const Snapshot demo = demo_snapshot();
    CHECK(run_rule("allocation.no-eligible-hub", &demo).findings.empty());
}

}  // namespace dpslint::rules::allocation::no_eligible_hub_test
