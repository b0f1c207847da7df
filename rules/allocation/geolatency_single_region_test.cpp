#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::geolatency_single_region_test {

using namespace dpslint::test;

TEST_CASE("allocation.geolatency-single-region fires when all hubs are in one region",
          "[rule][allocation.geolatency-single-region]") {
    Snapshot s = demo_snapshot();
    (*s.linked_hubs)[1].location = "East US";
    s.groups[0].settings.allocation_policy = AllocationPolicy::geo_latency;
    const auto r = run_rule("allocation.geolatency-single-region", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.geolatency-single-region"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/allocationPolicy");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::notice);
    CHECK_THAT(r.findings[0].message, Catch::Contains("all 2 eligible IoT hubs"));
}

TEST_CASE("allocation.geolatency-single-region is silent for hubs in two regions",
          "[rule][allocation.geolatency-single-region]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::geo_latency;
    const auto r = run_rule("allocation.geolatency-single-region", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::geolatency_single_region_test
