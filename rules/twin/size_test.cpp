#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::size_test {

using namespace dpslint::test;

TEST_CASE("twin.size fires for tags over 8 KB", "[rule][twin.size]") {
    Snapshot s = demo_snapshot();
    nlohmann::json twin;
    twin["tags"]["notes"] = std::string(8190, 'x');  // 5 + 8190 = 8195
    s.groups[0].settings.initial_twin = twin;
    const auto r = run_rule("twin.size", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"twin.size"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/initialTwin/tags");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("8195 bytes"));
    CHECK_THAT(r.findings[0].message, Catch::Contains("8192-byte limit"));
}

TEST_CASE("twin.size counts as IoT Hub does", "[rule][twin.size]") {
    Snapshot s = demo_snapshot();
    // key "n" 1 + number 8; "b" 1 + bool 4; "s" 1 + "é\u0001x" 2 characters (control excluded);
    // "o" 1 + {"k" 1 + 8}; "a" 1 + [8 + 4] = 9 + 5 + 3 + 10 + 13 = 40.
    s.groups[0].settings.initial_twin = nlohmann::json::parse(R"({"properties": {"desired":
        {"n": 1, "b": true, "s": "é\u0001x", "o": {"k": 2.5}, "a": [1, false]}}})");
    CHECK(run_rule("twin.size", &s, {}, {{"max-desired-bytes", 40}}).findings.empty());
    const auto r = run_rule("twin.size", &s, {}, {{"max-desired-bytes", 39}});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/initialTwin/properties/desired");
    CHECK_THAT(r.findings[0].message, Catch::Contains("40 bytes"));
}

TEST_CASE("twin.size is silent under the limits", "[rule][twin.size]") {
    Snapshot s = demo_snapshot();
    nlohmann::json twin;
    twin["tags"]["notes"] = std::string(8187, 'x');  // 8192
    twin["properties"]["desired"]["blob"] = std::string(30000, 'x');
    s.groups[0].settings.initial_twin = twin;
    const auto r = run_rule("twin.size", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::twin::size_test
