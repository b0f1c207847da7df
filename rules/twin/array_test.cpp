#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::array_test {

using namespace dpslint::test;

TEST_CASE("twin.array fires once per outermost array", "[rule][twin.array]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin =
        nlohmann::json::parse(R"({"properties": {"desired": {"ports": [[80], [443]]}}})");
    const auto r = run_rule("twin.array", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"twin.array"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/initialTwin/properties/desired/ports");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::notice);
}

TEST_CASE("twin.array is silent without arrays", "[rule][twin.array]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin =
        nlohmann::json::parse(R"({"tags": {"ports": {"http": 80, "https": 443}}})");
    const auto r = run_rule("twin.array", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::twin::array_test
