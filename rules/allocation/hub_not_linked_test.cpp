#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::hub_not_linked_test {

using namespace dpslint::test;

TEST_CASE("allocation.hub-not-linked fires for a named hub that is not linked",
          "[rule][allocation.hub-not-linked]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.iot_hubs = {"HUB-EASTUS.azure-devices.net", "hub-x.azure-devices.net"};
    s.groups.push_back(x509_group("legacy", "my-intermediate-ca"));
    s.groups[1].settings.iot_hub_host_name = "hub-old.azure-devices.net";
    renumber(s);
    const auto r = run_rule("allocation.hub-not-linked", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids()
            == std::vector<std::string>{"allocation.hub-not-linked", "allocation.hub-not-linked"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/iotHubs/1");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("hub-x.azure-devices.net"));
    CHECK(r.findings[1].location.json_pointer == "/1/iotHubHostName");
}

TEST_CASE("allocation.hub-not-linked is silent when named hubs are linked",
          "[rule][allocation.hub-not-linked]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.iot_hubs = {"hub-westeurope.azure-devices.net"};
    const auto r = run_rule("allocation.hub-not-linked", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::hub_not_linked_test
