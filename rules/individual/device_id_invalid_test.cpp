#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::device_id_invalid_test {

using namespace dpslint::test;

TEST_CASE("individual.device-id-invalid fires for a deviceId with '#'",
          "[rule][individual.device-id-invalid]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("sensor-42"));
    s.individuals->back().device_id = "sensor#42";
    renumber(s);
    const auto r = run_rule("individual.device-id-invalid", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.device-id-invalid"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0/deviceId");
    CHECK(f.location.enrollment_id == "sensor-42");
    CHECK_THAT(f.message, Catch::Contains("'#'"));
}

TEST_CASE("individual.device-id-invalid is silent for valid or absent device IDs",
          "[rule][individual.device-id-invalid]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("sensor-42"));
    s.individuals->back().device_id = "sensor@site(1)";
    s.individuals->push_back(symmetric_key_individual("sensor-43"));
    renumber(s);
    const auto r = run_rule("individual.device-id-invalid", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::device_id_invalid_test
