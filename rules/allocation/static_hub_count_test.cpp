#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::static_hub_count_test {

using namespace dpslint::test;

TEST_CASE("allocation.static-hub-count fires for static with two named hubs",
          "[rule][allocation.static-hub-count]") {
    Snapshot s = demo_snapshot();
    auto& settings = s.groups[0].settings;
    settings.allocation_policy = AllocationPolicy::static_hub;
    settings.iot_hubs = {"hub-eastus.azure-devices.net", "hub-westeurope.azure-devices.net"};
    const auto r = run_rule("allocation.static-hub-count", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.static-hub-count"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/iotHubs");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("names 2 IoT hubs"));
}

TEST_CASE("allocation.static-hub-count fires for a static service default with no hub named",
          "[rule][allocation.static-hub-count]") {
    Snapshot s = demo_snapshot();
    s.service->allocation_policy = AllocationPolicy::static_hub;
    s.individuals->push_back(symmetric_key_individual("dev-01"));
    renumber(s);
    const auto r = run_rule("allocation.static-hub-count", &s);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[1].location.file == "enrollments.json");
    CHECK(r.findings[1].location.enrollment_kind == "individual");
    CHECK(r.findings[1].location.json_pointer == "/0");
    CHECK_THAT(r.findings[1].message, Catch::Contains("service default"));
    CHECK_THAT(r.findings[1].message, Catch::Contains("2 linked hubs"));
}

TEST_CASE("allocation.static-hub-count is silent for static with one hub",
          "[rule][allocation.static-hub-count]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::static_hub;
    s.groups[0].settings.iot_hubs = {"hub-eastus.azure-devices.net"};
    s.groups.push_back(x509_group("legacy", "my-intermediate-ca"));
    s.groups[1].settings.iot_hub_host_name = "hub-westeurope.azure-devices.net";
    s.groups.push_back(x509_group("hashed", "my-intermediate-ca"));  // service default Hashed
    renumber(s);
    const auto r = run_rule("allocation.static-hub-count", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::static_hub_count_test
