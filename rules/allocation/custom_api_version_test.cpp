#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::custom_api_version_test {

using namespace dpslint::test;

namespace {
Snapshot custom_with(const std::string& api_version) {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::custom;
    s.groups[0].settings.custom_allocation = CustomAllocationDefinition{
        "https://alloc.azurewebsites.net/api/HttpTrigger1?code=k", api_version, {}};
    return s;
}
}  // namespace

TEST_CASE("allocation.custom-api-version fires for a version older than the minimum",
          "[rule][allocation.custom-api-version]") {
    const Snapshot s = custom_with("2017-11-15");
    const auto r = run_rule("allocation.custom-api-version", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.custom-api-version"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/customAllocationDefinition/apiVersion");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("2018-09-01-preview"));
}

TEST_CASE("allocation.custom-api-version fires for versions not in date form",
          "[rule][allocation.custom-api-version]") {
    for (const char* bad : {"latest", "2021-10", "2021-13-01", "2021-02-30", "2021-10-01-beta"}) {
        const Snapshot s = custom_with(bad);
        CHECK(run_rule("allocation.custom-api-version", &s).findings.size() == 1);
    }
}

TEST_CASE("allocation.custom-api-version is silent for the minimum and later versions",
          "[rule][allocation.custom-api-version]") {
    for (const char* good :
         {"2018-09-01-preview", "2019-03-31", "2021-10-01", "2025-07-01-preview"}) {
        const Snapshot s = custom_with(good);
        const auto r = run_rule("allocation.custom-api-version", &s);
        CHECK(r.applicable);
        CHECK(r.findings.empty());
    }
}

}  // namespace dpslint::rules::allocation::custom_api_version_test
