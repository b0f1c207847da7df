#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::weight_range_test {

using namespace dpslint::test;

TEST_CASE("allocation.weight-range fires for a weight outside 1..1000",
          "[rule][allocation.weight-range]") {
    Snapshot s = demo_snapshot();
    (*s.linked_hubs)[1].allocation_weight = 0;
    s.linked_hubs->push_back(linked_hub("hub-c.azure-devices.net", "eastus", 1001));
    renumber(s);
    const auto r = run_rule("allocation.weight-range", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids()
            == std::vector<std::string>{"allocation.weight-range", "allocation.weight-range"});
    CHECK(r.findings[0].location.file == "linked-hubs.json");
    CHECK(r.findings[0].location.json_pointer == "/1/allocationWeight");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("hub-westeurope.azure-devices.net"));
    CHECK(r.findings[1].location.json_pointer == "/2/allocationWeight");
}

TEST_CASE("allocation.weight-range is silent for weights 1..1000 and the default",
          "[rule][allocation.weight-range]") {
    Snapshot s = demo_snapshot();
    (*s.linked_hubs)[0].allocation_weight = 1;
    (*s.linked_hubs)[1].allocation_weight = 1000;
    const auto r = run_rule("allocation.weight-range", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::weight_range_test
