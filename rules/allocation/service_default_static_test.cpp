#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::service_default_static_test {

using namespace dpslint::test;

TEST_CASE("allocation.service-default-static fires and lists enrollments without a hub",
          "[rule][allocation.service-default-static]") {
    Snapshot s = demo_snapshot();
    s.service->allocation_policy = AllocationPolicy::static_hub;
    s.groups.push_back(x509_group("pinned", "my-intermediate-ca"));
    s.groups[1].settings.iot_hubs = {"hub-eastus.azure-devices.net"};
    s.groups.push_back(x509_group("explicit", "my-intermediate-ca"));
    s.groups[2].settings.allocation_policy = AllocationPolicy::hashed;
    renumber(s);
    const auto r = run_rule("allocation.service-default-static", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.service-default-static"});
    CHECK(r.findings[0].location.file == "dps.json");
    CHECK(r.findings[0].location.json_pointer == "/properties/allocationPolicy");
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK_THAT(r.findings[0].message, Catch::Contains("followed by 2 enrollments"));
    CHECK_THAT(r.findings[0].message,
               Catch::Contains("1 of them names no IoT hub: enrollment group 'fleet'"));
}

TEST_CASE("allocation.service-default-static is silent for a Hashed default",
          "[rule][allocation.service-default-static]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("allocation.service-default-static", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::service_default_static_test
