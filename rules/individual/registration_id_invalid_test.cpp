#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::registration_id_invalid_test {

using namespace dpslint::test;

TEST_CASE("individual.registration-id-invalid fires for a registration ID with a space",
          "[rule][individual.registration-id-invalid]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("device-1"));
    s.individuals->push_back(symmetric_key_individual("Sensor 42"));
    renumber(s);
    const auto r = run_rule("individual.registration-id-invalid", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.registration-id-invalid"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/1/registrationId");
    CHECK(f.location.enrollment_kind == "individual");
    CHECK(f.location.enrollment_id == "Sensor 42");
}

TEST_CASE("individual.registration-id-invalid bounds X.509 registration IDs at 64 characters",
          "[rule][individual.registration-id-invalid]") {
    Snapshot s = demo_snapshot();
    const std::string long_id(65, 'a');
    s.individuals->push_back(symmetric_key_individual(long_id));
    s.individuals->push_back(
        x509_individual(long_id + "b", certificate("demo/devices/device-1.pem")));
    renumber(s);
    const auto r = run_rule("individual.registration-id-invalid", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/1/registrationId");
}

TEST_CASE("individual.registration-id-invalid is silent for valid IDs",
          "[rule][individual.registration-id-invalid]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("device-1", certificate("demo/devices/device-1.pem")));
    renumber(s);
    const auto r = run_rule("individual.registration-id-invalid", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::registration_id_invalid_test
