#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::null_value_test {

using namespace dpslint::test;

TEST_CASE("twin.null-value fires for a null property", "[rule][twin.null-value]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin =
        nlohmann::json::parse(R"({"tags": {"site": {"room": null}}})");
    const auto r = run_rule("twin.null-value", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"twin.null-value"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/initialTwin/tags/site/room");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::warning);
}

TEST_CASE("twin.null-value is silent without nulls and for null collections",
          "[rule][twin.null-value]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin =
        nlohmann::json::parse(R"({"tags": null, "properties": {"desired": {"a": ""}}})");
    const auto r = run_rule("twin.null-value", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::twin::null_value_test
