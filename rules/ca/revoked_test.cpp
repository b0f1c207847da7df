#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::revoked_test {

using namespace dpslint::test;

namespace {
const std::string id = "ca.revoked";
const std::string root_revokes = "rules/revocation/root-revokes-intermediate.crl.pem";
}  // namespace

TEST_CASE("ca.revoked: an enabled group on a CA its issuer revoked is an error",
          "[rule][ca.revoked]") {
    const Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    const auto r = run_rule_with_crls(id, &s, {}, {root_revokes});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    const Finding& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.ca_name == "field-intermediate-ca");
    CHECK_THAT(f.location.file, Catch::EndsWith("snapshot/certificates.json"));
    CHECK(f.location.json_pointer == "/value/1");
    CHECK_THAT(f.message, Catch::Contains("keyCompromise"));
    CHECK_THAT(f.message, Catch::Contains("2026-10-01"));
    CHECK_THAT(f.message, Catch::Contains("enabled group 'field-devices' uses it"));
}

TEST_CASE("ca.revoked: silent when only disabled groups use the revoked CA", "[rule][ca.revoked]") {
    Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    const auto r = run_rule_with_crls(id, &s, {}, {root_revokes});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("ca.revoked: silent when the issuer's CRL does not list the CA", "[rule][ca.revoked]") {
    const Snapshot s = testdata_snapshot("demo/revocation/snapshot");
    const auto r = run_rule_with_crls(id, &s, {}, {"demo/revocation/crl/field-root-ca.crl.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::revoked_test
