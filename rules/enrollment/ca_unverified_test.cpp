#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::ca_unverified_test {

using namespace dpslint::test;

TEST_CASE("enrollment.ca-unverified fires when neither the group's CA nor its root is verified",
          "[rule][enrollment.ca-unverified]") {
    Snapshot s = demo_snapshot();
    for (auto& record : *s.certificates)
        record.is_verified = false;
    const auto r = run_rule("enrollment.ca-unverified", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.ca-unverified"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollment-groups.json");
    CHECK(f.location.json_pointer == "/0/attestation/x509/caReferences/primary");
    CHECK(f.location.enrollment_id == "fleet");
    CHECK(f.location.ca_name == "my-intermediate-ca");
    CHECK_THAT(f.message, Catch::Contains("401002"));
}

TEST_CASE("enrollment.ca-unverified fires for an inline CA under an unverified root",
          "[rule][enrollment.ca-unverified]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[0].is_verified = false;  // the root
    s.groups.push_back(
        inline_group("customer-a", certificate("demo/ca/customer-a-intermediate-ca.pem")));
    renumber(s);
    const auto r = run_rule("enrollment.ca-unverified", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.enrollment_id == "customer-a");
    CHECK(r.findings[0].location.json_pointer == "/1/attestation/x509/signingCertificates/primary");
}

TEST_CASE("enrollment.ca-unverified is silent when the CA rolls up to a verified root",
          "[rule][enrollment.ca-unverified]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[1].is_verified = false;  // the intermediate; the root stays verified
    s.groups.push_back(
        inline_group("customer-a", certificate("demo/ca/customer-a-intermediate-ca.pem")));
    renumber(s);
    const auto r = run_rule("enrollment.ca-unverified", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("enrollment.ca-unverified ignores disabled groups", "[rule][enrollment.ca-unverified]") {
    Snapshot s = demo_snapshot();
    for (auto& record : *s.certificates)
        record.is_verified = false;
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    CHECK(run_rule("enrollment.ca-unverified", &s).findings.empty());
}

TEST_CASE(
    "enrollment.ca-unverified stays silent when a verified record without body may be the issuer",
    "[rule][enrollment.ca-unverified]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[1].is_verified = false;  // the intermediate
    (*s.certificates)[0].certificate.reset();  // the verified root: no PEM supplied
    s.ca_files.erase(s.ca_files.begin());
    CHECK(run_rule("enrollment.ca-unverified", &s).findings.empty());
    (*s.certificates)[0].is_verified = false;
    CHECK(run_rule("enrollment.ca-unverified", &s).findings.size() == 1);
}

}  // namespace dpslint::rules::enrollment::ca_unverified_test
