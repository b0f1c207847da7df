#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::duplicate_ca_test {

using namespace dpslint::test;

TEST_CASE("enrollment.duplicate-ca fires on the second group on one CA, naming the first",
          "[rule][enrollment.duplicate-ca]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("fleet-2", "my-intermediate-ca"));
    s.groups.push_back(inline_group("fleet-3", certificate("demo/ca/my-intermediate-ca.pem")));
    renumber(s);
    const auto r = run_rule("enrollment.duplicate-ca", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids()
            == std::vector<std::string>{"enrollment.duplicate-ca", "enrollment.duplicate-ca"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.enrollment_id == "fleet-2");
    CHECK(f.location.json_pointer == "/1/attestation/x509/caReferences/primary");
    CHECK_THAT(f.message, Catch::Contains("'fleet'"));
    CHECK(r.findings[1].location.enrollment_id == "fleet-3");
    CHECK(r.findings[1].location.json_pointer == "/2/attestation/x509/signingCertificates/primary");
    CHECK_THAT(r.findings[1].message, Catch::Contains("'fleet'"));
}

TEST_CASE("enrollment.duplicate-ca fires when primary and secondary are the same certificate",
          "[rule][enrollment.duplicate-ca]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.attestation.x509->ca_reference_secondary = "my-intermediate-ca";
    const auto r = run_rule("enrollment.duplicate-ca", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/attestation/x509/caReferences/secondary");
    CHECK_THAT(r.findings[0].message, Catch::Contains("both primary and secondary"));
}

TEST_CASE("enrollment.duplicate-ca is silent for groups on different CAs",
          "[rule][enrollment.duplicate-ca]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("all", "my-root-ca"));
    renumber(s);
    const auto r = run_rule("enrollment.duplicate-ca", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::enrollment::duplicate_ca_test
