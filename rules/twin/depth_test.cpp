#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::depth_test {

using namespace dpslint::test;

namespace {
// {"l1": {"l2": ... {"l<levels>": {"property": "value"}}}}: `levels` nested objects.
nlohmann::json nested(int levels) {
    nlohmann::json value = {{"property", "value"}};
    for (int i = levels; i >= 2; --i)
        value = nlohmann::json{{"l" + std::to_string(i), value}};
    return nlohmann::json{{"l1", value}};
}
}  // namespace

TEST_CASE("twin.depth fires for objects nested 11 levels", "[rule][twin.depth]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("dev-01"));
    renumber(s);
    nlohmann::json twin;
    twin["properties"]["desired"] = nested(11);
    (*s.individuals)[0].settings.initial_twin = twin;
    const auto r = run_rule("twin.depth", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"twin.depth"});
    CHECK(r.findings[0].location.file == "enrollments.json");
    CHECK(r.findings[0].location.enrollment_id == "dev-01");
    CHECK(r.findings[0].location.json_pointer
          == "/0/initialTwin/properties/desired/l1/l2/l3/l4/l5/l6/l7/l8/l9/l10/l11");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK_THAT(r.findings[0].message, Catch::Contains("11 levels"));
    CHECK_THAT(r.findings[0].message, Catch::Contains("older docs: 5"));
}

TEST_CASE("twin.depth is silent at 10 levels (the documented example)", "[rule][twin.depth]") {
    Snapshot s = demo_snapshot();
    nlohmann::json twin;
    twin["tags"] = nested(10);
    s.groups[0].settings.initial_twin = twin;
    const auto r = run_rule("twin.depth", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("twin.depth honours max-depth", "[rule][twin.depth]") {
    Snapshot s = demo_snapshot();
    nlohmann::json twin;
    twin["tags"] = nested(6);
    s.groups[0].settings.initial_twin = twin;
    const auto r = run_rule("twin.depth", &s, {}, {{"max-depth", 5}});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/initialTwin/tags/l1/l2/l3/l4/l5/l6");
}

}  // namespace dpslint::rules::twin::depth_test
