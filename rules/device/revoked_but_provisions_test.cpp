#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::revoked_but_provisions_test {

using namespace dpslint::test;

namespace {
const std::string id = "device.revoked-but-provisions";
const std::vector<std::string> devices{"demo/revocation/devices/field-0001.pem",
                                       "demo/revocation/devices/field-0002.pem"};
const std::vector<std::string> demo_crls{"demo/revocation/crl/field-intermediate-ca.crl.pem",
                                         "demo/revocation/crl/field-root-ca.crl.pem"};
}  // namespace

TEST_CASE("device.revoked-but-provisions: a revoked device DPS would provision is an error",
          "[rule][device.revoked-but-provisions]") {
    const Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    const auto r = run_rule_with_crls(id, &s, devices, demo_crls);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    const Finding& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "demo/revocation/devices/field-0002.pem");
    CHECK(f.location.registration_id == "field-0002");
    CHECK(f.location.enrollment_id == "field-devices");
    CHECK_THAT(f.message, Catch::Contains("keyCompromise"));
    CHECK_THAT(f.message, Catch::Contains("2026-11-15"));
    CHECK_THAT(f.message, Catch::Contains("field-intermediate-ca.crl.pem"));
    CHECK_THAT(f.message,
               Catch::Contains("disabled individual enrollment with registration ID 'field-0002'"));
    CHECK_THAT(f.message, Catch::Contains("disable enrollment group 'field-devices'"));
    CHECK(f.citation
          == "https://learn.microsoft.com/azure/iot-dps/how-to-revoke-device-access-portal");
}

TEST_CASE("device.revoked-but-provisions: a revoked CA above the device says to disable the group",
          "[rule][device.revoked-but-provisions]") {
    const Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    const auto r = run_rule_with_crls(id, &s, {devices[0]},
                                      {"rules/revocation/root-revokes-intermediate.crl.pem"});
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK_THAT(r.findings[0].message,
               Catch::Contains("its CA certificate 'CN=Contoso Field Intermediate CA"));
    CHECK_THAT(r.findings[0].message, Catch::Contains("disable the enrollment group"));
}

TEST_CASE("device.revoked-but-provisions: silent when DPS does not provision the device anyway",
          "[rule][device.revoked-but-provisions]") {
    Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    const auto r = run_rule_with_crls(id, &s, devices, demo_crls);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.revoked-but-provisions: silent on devices no CRL lists",
          "[rule][device.revoked-but-provisions]") {
    const Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    const auto r = run_rule_with_crls(id, &s, {devices[0]}, demo_crls);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.revoked-but-provisions: needs CRLs and a snapshot",
          "[rule][device.revoked-but-provisions]") {
    const Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    CHECK_FALSE(run_rule(id, &s, devices).applicable);
    CHECK_FALSE(run_rule_with_crls(id, nullptr, devices, demo_crls).applicable);
}

}  // namespace dpslint::rules::device::revoked_but_provisions_test
