#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::primary_expiring_no_secondary_test {

using namespace dpslint::test;

// demo/devices/device-1.pem expires 2030-01-01; pki/leaves/expired.pem 2021-01-01.

namespace {

const char* const id = "individual.primary-expiring-no-secondary";

Snapshot with_device_1() {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("device-1", certificate("demo/devices/device-1.pem")));
    renumber(s);
    return s;
}

}  // namespace

TEST_CASE("individual.primary-expiring-no-secondary fires with no secondary",
          "[rule][individual.primary-expiring-no-secondary]") {
    const Snapshot s = with_device_1();
    const auto r = run_rule(id, &s, {}, {}, make_time(2029, 11, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0/attestation/x509/clientCertificates/primary");
    CHECK(f.location.enrollment_id == "device-1");
    CHECK_THAT(f.message, Catch::Contains("2030-01-01") && Catch::Contains("in 61 days")
                              && Catch::Contains("no secondary"));
}

TEST_CASE("individual.primary-expiring-no-secondary accepts a longer-lived secondary",
          "[rule][individual.primary-expiring-no-secondary]") {
    Snapshot s = with_device_1();
    auto& x509 = *s.individuals->back().settings.attestation.x509;
    x509.client_secondary = x509.client_primary;
    x509.client_secondary->certificate.reset();
    x509.client_secondary->info->not_after = make_time(2032, 1, 1);
    CHECK(run_rule(id, &s, {}, {}, make_time(2029, 11, 1)).findings.empty());

    // A secondary that expires no later is nothing to roll to.
    x509.client_secondary->info->not_after = make_time(2029, 12, 1);
    const auto r = run_rule(id, &s, {}, {}, make_time(2029, 11, 1));
    REQUIRE(r.findings.size() == 1);
    CHECK_THAT(r.findings[0].message, Catch::Contains("expires no later (2029-12-01)"));
}

TEST_CASE("individual.primary-expiring-no-secondary honours days, expiry and disabled entries",
          "[rule][individual.primary-expiring-no-secondary]") {
    Snapshot s = with_device_1();
    CHECK(run_rule(id, &s, {}, {{"days", 30}}, make_time(2029, 11, 1)).findings.empty());
    CHECK(run_rule(id, &s, {}, {{"days", 400}}, make_time(2029, 1, 1)).findings.size() == 1);
    CHECK(run_rule(id, &s, {}, {}, make_time(2026, 12, 1)).findings.empty());
    // Expired already: individual.certificate-expired's business.
    CHECK(run_rule(id, &s, {}, {}, make_time(2030, 2, 1)).findings.empty());
    s.individuals->back().settings.enabled = false;
    CHECK(run_rule(id, &s, {}, {}, make_time(2029, 11, 1)).findings.empty());
}

}  // namespace dpslint::rules::individual::primary_expiring_no_secondary_test
