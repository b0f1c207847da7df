#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::value_range_test {

using namespace dpslint::test;

TEST_CASE("twin.value-range fires for out-of-range integers and long strings",
          "[rule][twin.value-range]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin = nlohmann::json::parse(R"({
        "tags": {"big": 4503599627370496, "small": -4503599627370497, "huge": 18446744073709551615},
        "properties": {"desired": {"list": [1, 9007199254740993]}}})");
    (*s.groups[0].settings.initial_twin)["tags"]["text"] = std::string(4097, 'x');
    const auto r = run_rule("twin.value-range", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.findings.size() == 5);
    CHECK(r.findings[0].id == "twin.value-range");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    std::vector<std::string> pointers;
    for (const auto& f : r.findings)
        pointers.push_back(f.location.json_pointer);
    std::sort(pointers.begin(), pointers.end());
    CHECK(pointers
          == std::vector<std::string>{"/0/initialTwin/properties/desired/list/1",
                                      "/0/initialTwin/tags/big", "/0/initialTwin/tags/huge",
                                      "/0/initialTwin/tags/small", "/0/initialTwin/tags/text"});
}

TEST_CASE("twin.value-range is silent at the bounds", "[rule][twin.value-range]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin = nlohmann::json::parse(
        R"({"tags": {"max": 4503599627370495, "min": -4503599627370496, "f": 1e300}})");
    (*s.groups[0].settings.initial_twin)["tags"]["text"] = std::string(4096, 'x');
    const auto r = run_rule("twin.value-range", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::twin::value_range_test
