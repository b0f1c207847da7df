#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::mixed_case_id_test {

using namespace dpslint::test;

TEST_CASE("individual.mixed-case-id fires for upper-case letters",
          "[rule][individual.mixed-case-id]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("Device-01"));
    renumber(s);
    const auto r = run_rule("individual.mixed-case-id", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.mixed-case-id"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0/registrationId");
    CHECK(f.location.enrollment_id == "Device-01");
}

TEST_CASE("individual.mixed-case-id is silent for lower-case IDs",
          "[rule][individual.mixed-case-id]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("device-01"));
    renumber(s);
    const auto r = run_rule("individual.mixed-case-id", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::mixed_case_id_test
