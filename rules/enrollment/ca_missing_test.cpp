#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::ca_missing_test {

using namespace dpslint::test;

TEST_CASE("enrollment.ca-missing fires for a caReferences name with no certificate record",
          "[rule][enrollment.ca-missing]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("ghost", "no-such-ca"));
    renumber(s);
    const auto r = run_rule("enrollment.ca-missing", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.ca-missing"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "enrollment-groups.json");
    CHECK(f.location.json_pointer == "/1/attestation/x509/caReferences/primary");
    CHECK(f.location.enrollment_id == "ghost");
    CHECK(f.location.ca_name == "no-such-ca");
    CHECK_THAT(f.message, Catch::Contains("'no-such-ca'"));
}

TEST_CASE("enrollment.ca-missing checks the secondary reference too",
          "[rule][enrollment.ca-missing]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.attestation.x509->ca_reference_secondary = "next-ca";
    const auto r = run_rule("enrollment.ca-missing", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0/attestation/x509/caReferences/secondary");
}

TEST_CASE("enrollment.ca-missing is silent when every reference resolves",
          "[rule][enrollment.ca-missing]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("enrollment.ca-missing", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::enrollment::ca_missing_test
