#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::legacy_hub_hostname_test {

using namespace dpslint::test;

TEST_CASE("allocation.legacy-hub-hostname fires for iotHubHostName",
          "[rule][allocation.legacy-hub-hostname]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("dev-01"));
    (*s.individuals)[0].settings.iot_hub_host_name = "hub-eastus.azure-devices.net";
    renumber(s);
    const auto r = run_rule("allocation.legacy-hub-hostname", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.legacy-hub-hostname"});
    CHECK(r.findings[0].location.file == "enrollments.json");
    CHECK(r.findings[0].location.json_pointer == "/0/iotHubHostName");
    CHECK(r.findings[0].location.enrollment_id == "dev-01");
    CHECK(r.findings[0].location.enrollment_kind == "individual");
    CHECK(r.findings[0].severity == Severity::warning);
}

TEST_CASE("allocation.legacy-hub-hostname is silent for iotHubs",
          "[rule][allocation.legacy-hub-hostname]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.iot_hubs = {"hub-eastus.azure-devices.net"};
    const auto r = run_rule("allocation.legacy-hub-hostname", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::legacy_hub_hostname_test
