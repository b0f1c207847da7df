#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::twin::key_invalid_test {

using namespace dpslint::test;

TEST_CASE("twin.key-invalid fires for dotted, dollar, spaced and control-character keys",
          "[rule][twin.key-invalid]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin = nlohmann::json::parse(R"({
        "tags": {"site.name": "plant-1", "ok": {"a/b c": 1}},
        "properties": {"desired": {"$config": true, "ctl\u0085": 1, "fine": 2}}
    })");
    const auto r = run_rule("twin.key-invalid", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.findings.size() == 4);
    CHECK(r.findings[0].id == "twin.key-invalid");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    std::vector<std::string> pointers;
    for (const auto& f : r.findings)
        pointers.push_back(f.location.json_pointer);
    std::sort(pointers.begin(), pointers.end());
    CHECK(pointers
          == std::vector<std::string>{"/0/initialTwin/properties/desired/$config",
                                      "/0/initialTwin/properties/desired/ctl\xC2\x85",
                                      "/0/initialTwin/tags/ok/a~1b c",
                                      "/0/initialTwin/tags/site.name"});
}

TEST_CASE("twin.key-invalid fires for a key over 1 KB", "[rule][twin.key-invalid]") {
    Snapshot s = demo_snapshot();
    nlohmann::json twin;
    twin["tags"][std::string(1025, 'k')] = 1;
    s.groups[0].settings.initial_twin = twin;
    const auto r = run_rule("twin.key-invalid", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK_THAT(r.findings[0].message, Catch::Contains("1025 bytes"));
}

TEST_CASE("twin.key-invalid is silent for valid keys", "[rule][twin.key-invalid]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.initial_twin = nlohmann::json::parse(
        R"({"tags": {"site_name": "a.b $ c", "déjà-vu": {"k": 1}},
            "properties": {"desired": {"telemetryInterval": 30}}})");
    s.groups[0].settings.initial_twin->operator[]("tags")[std::string(1024, 'k')] = 1;
    const auto r = run_rule("twin.key-invalid", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::twin::key_invalid_test
