#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::not_x509_test {

using namespace dpslint::test;

TEST_CASE("enrollment.not-x509 notes a symmetric-key group", "[rule][enrollment.not-x509]") {
    Snapshot s = demo_snapshot();
    EnrollmentGroup g;
    g.id = "legacy-sensors";
    g.settings.attestation.type = AttestationType::symmetric_key;
    g.settings.attestation.type_raw = "symmetricKey";
    g.settings.provisioning_status_raw = "enabled";
    s.groups.push_back(g);
    renumber(s);
    const auto r = run_rule("enrollment.not-x509", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.not-x509"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::notice);
    CHECK(f.location.json_pointer == "/1/attestation/type");
    CHECK(f.location.enrollment_id == "legacy-sensors");
    CHECK_THAT(f.message, Catch::Contains("symmetricKey"));
}

TEST_CASE("enrollment.not-x509 is silent for X.509 groups", "[rule][enrollment.not-x509]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("enrollment.not-x509", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::enrollment::not_x509_test
