#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::reported_present_test {

using namespace dpslint::test;

TEST_CASE("twin.reported-present fires for properties.reported", "[rule][twin.reported-present]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin = nlohmann::json::parse(
        R"({"properties": {"desired": {}, "reported": {"firmware": "1.0"}}})");
    const auto r = run_rule("twin.reported-present", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"twin.reported-present"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/initialTwin/properties/reported");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
}

TEST_CASE("twin.reported-present is silent for tags and desired only, or an empty reported",
          "[rule][twin.reported-present]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin =
        nlohmann::json::parse(R"({"tags": {"a": 1}, "properties": {"desired": {"b": 2}}})");
    s.groups.push_back(x509_group("cleaned", "my-intermediate-ca"));
    s.groups[1].settings.initial_twin =
        nlohmann::json::parse(R"({"properties": {"desired": {}, "reported": {}}})");
    renumber(s);
    const auto r = run_rule("twin.reported-present", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::twin::reported_present_test
