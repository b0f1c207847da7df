#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::ca_is_root_test {

using namespace dpslint::test;

TEST_CASE("enrollment.ca-is-root fires for a group on the self-signed root",
          "[rule][enrollment.ca-is-root]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("root-fleet", "my-root-ca"));
    renumber(s);
    const auto r = run_rule("enrollment.ca-is-root", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.ca-is-root"});
    CHECK(r.findings[0].location.enrollment_id == "root-fleet");
    CHECK(r.findings[0].location.json_pointer == "/1/attestation/x509/caReferences/primary");
    CHECK(r.findings[0].severity == Severity::warning);
}

TEST_CASE("enrollment.ca-is-root is silent for a group on an intermediate",
          "[rule][enrollment.ca-is-root]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("enrollment.ca-is-root", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("enrollment.ca-is-root fires for an inline signing certificate that is the root",
          "[rule][enrollment.ca-is-root]") {
    Snapshot s = demo_snapshot();
    const auto root = certificate("demo/ca/my-root-ca.pem");
    s.groups.push_back(inline_group("inline-root", root));
    renumber(s);
    const auto r = run_rule("enrollment.ca-is-root", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.enrollment_id == "inline-root");
    CHECK(r.findings[0].location.json_pointer == "/1/attestation/x509/signingCertificates/primary");
    CHECK(r.findings[0].location.sha256 == root->sha256());
    CHECK(r.findings[0].location.subject == root->subject().text());
}

}  // namespace dpslint::rules::enrollment::ca_is_root_test
