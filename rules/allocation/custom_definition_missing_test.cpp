#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::custom_definition_missing_test {

using namespace dpslint::test;

TEST_CASE("allocation.custom-definition-missing fires for custom without a definition",
          "[rule][allocation.custom-definition-missing]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::custom;
    const auto r = run_rule("allocation.custom-definition-missing", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.custom-definition-missing"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/allocationPolicy");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
}

TEST_CASE("allocation.custom-definition-missing fires for an empty webhookUrl",
          "[rule][allocation.custom-definition-missing]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::custom;
    s.groups[0].settings.custom_allocation = CustomAllocationDefinition{"", "2021-10-01", {}};
    const auto r = run_rule("allocation.custom-definition-missing", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/customAllocationDefinition/webhookUrl");
}

TEST_CASE("allocation.custom-definition-missing is silent for a complete definition",
          "[rule][allocation.custom-definition-missing]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::custom;
    s.groups[0].settings.custom_allocation = CustomAllocationDefinition{
        "https://alloc.azurewebsites.net/api/HttpTrigger1?****", "2021-10-01", {}};
    const auto r = run_rule("allocation.custom-definition-missing", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::allocation::custom_definition_missing_test
