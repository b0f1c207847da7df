#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::duplicate_registration_id_test {

using namespace dpslint::test;

TEST_CASE("individual.duplicate-registration-id fires on IDs differing only in case",
          "[rule][individual.duplicate-registration-id]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("device-1"));
    s.individuals->push_back(symmetric_key_individual("device-2"));
    s.individuals->push_back(symmetric_key_individual("Device-1"));
    renumber(s);
    const auto r = run_rule("individual.duplicate-registration-id", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.duplicate-registration-id"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/2/registrationId");
    CHECK(f.location.enrollment_id == "Device-1");
    CHECK_THAT(f.message, Catch::Contains("'device-1'"));
}

TEST_CASE("individual.duplicate-registration-id is silent for distinct IDs",
          "[rule][individual.duplicate-registration-id]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("device-1"));
    s.individuals->push_back(symmetric_key_individual("device-10"));
    renumber(s);
    const auto r = run_rule("individual.duplicate-registration-id", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::duplicate_registration_id_test
