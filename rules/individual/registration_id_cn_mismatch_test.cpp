#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::registration_id_cn_mismatch_test {

using namespace dpslint::test;

namespace {

// As `az iot dps enrollment list` exports an X.509 individual enrollment: info only, no body.
IndividualEnrollment info_only(std::string registration_id, std::string subject_name,
                               bool enabled) {
    IndividualEnrollment ie =
        x509_individual(std::move(registration_id), certificate("demo/devices/device-1.pem"));
    auto& primary = *ie.settings.attestation.x509->client_primary;
    primary.certificate = nullptr;
    primary.info->subject_name = std::move(subject_name);
    ie.settings.enabled = enabled;
    ie.settings.provisioning_status_raw = enabled ? "enabled" : "disabled";
    return ie;
}

}  // namespace

TEST_CASE(
    "individual.registration-id-cn-mismatch: a disabled entry that blocks nothing is an error",
    "[rule][individual.registration-id-cn-mismatch]") {
    // The Learn DPS module's blocklist step, from the subjectName az exports.
    Snapshot s = demo_snapshot();
    s.individuals->push_back(info_only("disallow-002", "CN=sensor-thl-002", false));
    renumber(s);
    const auto r = run_rule("individual.registration-id-cn-mismatch", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.registration-id-cn-mismatch"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0/registrationId");
    CHECK(f.location.enrollment_kind == "individual");
    CHECK(f.location.enrollment_id == "disallow-002");
    CHECK_THAT(f.message, Catch::Contains("blocks nothing")
                              && Catch::Contains("registration ID must be 'sensor-thl-002'"));
}

TEST_CASE("individual.registration-id-cn-mismatch: an enabled entry no device can use warns",
          "[rule][individual.registration-id-cn-mismatch]") {
    // From the certificate body when the export has it; the CN sits among other RDNs.
    Snapshot s = demo_snapshot();
    s.individuals->push_back(
        x509_individual("device-one", certificate("demo/devices/device-1.pem")));
    s.individuals->push_back(info_only("sensor-9", "CN=sensor-09, O=Contoso, C=US", true));
    renumber(s);
    const auto r = run_rule("individual.registration-id-cn-mismatch", &s);
    REQUIRE(r.findings.size() == 2);
    for (const auto& f : r.findings) {
        CHECK(f.severity == Severity::warning);
        CHECK_THAT(f.message, Catch::Contains("can never be used"));
    }
    CHECK_THAT(r.findings[0].message, Catch::Contains("CN 'device-1'"));
    CHECK_THAT(r.findings[1].message, Catch::Contains("CN 'sensor-09'"));
}

TEST_CASE("individual.registration-id-cn-mismatch is silent when the IDs match in any case",
          "[rule][individual.registration-id-cn-mismatch]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("Device-1", certificate("demo/devices/device-1.pem")));
    s.individuals->push_back(info_only("sensor-thl-002", "CN=sensor-thl-002", false));
    s.individuals->push_back(info_only("bare", "bare", true));  // a bare CN value
    s.individuals->push_back(symmetric_key_individual("whatever"));
    renumber(s);
    const auto r = run_rule("individual.registration-id-cn-mismatch", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::registration_id_cn_mismatch_test
