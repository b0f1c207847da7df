#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::id_invalid_test {

using namespace dpslint::test;

TEST_CASE("enrollment.id-invalid fires for a group ID outside the alphabet",
          "[rule][enrollment.id-invalid]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("fleet #1", "my-root-ca"));
    renumber(s);
    const auto r = run_rule("enrollment.id-invalid", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.id-invalid"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.json_pointer == "/1/enrollmentGroupId");
    CHECK(f.location.enrollment_id == "fleet #1");
    CHECK_THAT(f.message, Catch::Contains("' '"));
}

TEST_CASE("enrollment.id-invalid is silent for a valid group ID", "[rule][enrollment.id-invalid]") {
    Snapshot s = demo_snapshot();
    s.groups.push_back(x509_group("Fleet_2.eu:west-1", "my-root-ca"));
    renumber(s);
    const auto r = run_rule("enrollment.id-invalid", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::enrollment::id_invalid_test
