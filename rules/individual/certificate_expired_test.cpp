#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::certificate_expired_test {

using namespace dpslint::test;

TEST_CASE("individual.certificate-expired fires for an expired client certificate",
          "[rule][individual.certificate-expired]") {
    Snapshot s = demo_snapshot();
    const auto expired = certificate("pki/leaves/expired.pem");  // notAfter 2021-01-01
    s.individuals->push_back(x509_individual("expired", expired));
    renumber(s);
    const auto r = run_rule("individual.certificate-expired", &s, {}, {}, make_time(2026, 12, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.certificate-expired"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0/attestation/x509/clientCertificates/primary");
    CHECK(f.location.enrollment_id == "expired");
    CHECK(f.location.sha256 == expired->sha256());
    CHECK_THAT(f.message, Catch::Contains("2021-01-01"));
}

TEST_CASE("individual.certificate-expired reads info.notAfterUtc without a body",
          "[rule][individual.certificate-expired]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("device-1", certificate("demo/devices/device-1.pem")));
    auto& entry = *s.individuals->back().settings.attestation.x509->client_primary;
    entry.certificate.reset();
    entry.info->not_after = make_time(2025, 6, 1);
    renumber(s);
    const auto r = run_rule("individual.certificate-expired", &s, {}, {}, make_time(2026, 12, 1));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].severity == Severity::error);
}

TEST_CASE("individual.certificate-expired is a notice for a disabled enrollment",
          "[rule][individual.certificate-expired]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("expired", certificate("pki/leaves/expired.pem")));
    s.individuals->back().settings.enabled = false;
    s.individuals->back().settings.provisioning_status_raw = "disabled";
    renumber(s);
    const auto r = run_rule("individual.certificate-expired", &s, {}, {}, make_time(2026, 12, 1));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].severity == Severity::notice);
}

TEST_CASE("individual.certificate-expired is silent for a valid certificate",
          "[rule][individual.certificate-expired]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("device-1", certificate("demo/devices/device-1.pem")));
    renumber(s);
    const auto r = run_rule("individual.certificate-expired", &s, {}, {}, make_time(2026, 12, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::certificate_expired_test
