#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::ca_expired_test {

using namespace dpslint::test;

namespace {
Snapshot expired_ca_snapshot() {
    Snapshot s = empty_snapshot();
    const auto root = certificate("pki/ca/root.pem");
    const auto expired = certificate("pki/ca/expired-intermediate.pem");  // notAfter 2025-01-01
    s.certificates->push_back(ca_record("root", root, true));
    s.certificates->push_back(ca_record("expired-intermediate", expired, true));
    s.ca_files.push_back(ca_file(root));
    s.ca_files.push_back(ca_file(expired));
    s.groups.push_back(x509_group("old-line", "expired-intermediate"));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("enrollment.ca-expired fires for a group on an expired CA",
          "[rule][enrollment.ca-expired]") {
    const Snapshot s = expired_ca_snapshot();
    const auto r = run_rule("enrollment.ca-expired", &s, {}, {}, make_time(2026, 12, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.ca-expired"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.json_pointer == "/0/attestation/x509/caReferences/primary");
    CHECK(f.location.enrollment_id == "old-line");
    CHECK(f.location.sha256 == certificate("pki/ca/expired-intermediate.pem")->sha256());
    CHECK_THAT(f.message, Catch::Contains("2025-01-01"));
}

TEST_CASE("enrollment.ca-expired is a notice for a disabled group",
          "[rule][enrollment.ca-expired]") {
    Snapshot s = expired_ca_snapshot();
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    const auto r = run_rule("enrollment.ca-expired", &s, {}, {}, make_time(2026, 12, 1));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].severity == Severity::notice);
}

TEST_CASE("enrollment.ca-expired reads info.notAfterUtc of an inline CA without body",
          "[rule][enrollment.ca-expired]") {
    Snapshot s = empty_snapshot();
    s.groups.push_back(inline_group("inline", certificate("demo/ca/my-intermediate-ca.pem")));
    auto& entry = *s.groups[0].settings.attestation.x509->signing_primary;
    entry.certificate.reset();
    entry.info->not_after = make_time(2025, 6, 1);
    renumber(s);
    const auto r = run_rule("enrollment.ca-expired", &s, {}, {}, make_time(2026, 12, 1));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/attestation/x509/signingCertificates/primary");
}

TEST_CASE("enrollment.ca-expired is silent before the CA expires",
          "[rule][enrollment.ca-expired]") {
    const Snapshot s = expired_ca_snapshot();
    CHECK(run_rule("enrollment.ca-expired", &s, {}, {}, make_time(2024, 12, 1)).findings.empty());
    const Snapshot demo = demo_snapshot();
    CHECK(
        run_rule("enrollment.ca-expired", &demo, {}, {}, make_time(2026, 12, 1)).findings.empty());
}

}  // namespace dpslint::rules::enrollment::ca_expired_test
