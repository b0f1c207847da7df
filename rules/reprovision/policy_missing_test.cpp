#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::reprovision::policy_missing_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);
}

TEST_CASE("reprovision.policy-missing fires on a group without reprovisionPolicy",
          "[rule][reprovision.policy-missing]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.reprovision_policy.reset();
    const auto r = run_rule("reprovision.policy-missing", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"reprovision.policy-missing"});
    CHECK(r.findings[0].severity == Severity::notice);
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0");
    CHECK(r.findings[0].location.enrollment_kind == "group");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].message.find("2018-04-01") != std::string::npos);
}

TEST_CASE("reprovision.policy-missing checks individual enrollments when exported",
          "[rule][reprovision.policy-missing]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(
        x509_individual("device-01", certificate("demo/ca/my-intermediate-ca.pem")));
    s.individuals->push_back(symmetric_key_individual("sensor-02"));  // no policy
    renumber(s);
    const auto r = run_rule("reprovision.policy-missing", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"reprovision.policy-missing"});
    CHECK(r.findings[0].location.file == "enrollments.json");
    CHECK(r.findings[0].location.json_pointer == "/1");
    CHECK(r.findings[0].location.enrollment_kind == "individual");
    CHECK(r.findings[0].location.enrollment_id == "sensor-02");

    // Without enrollments.json only groups are checked.
    s.individuals.reset();
    CHECK(run_rule("reprovision.policy-missing", &s, {}, {}, at).findings.empty());
}

TEST_CASE("reprovision.policy-missing is silent when every enrollment sets a policy",
          "[rule][reprovision.policy-missing]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("reprovision.policy-missing", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::reprovision::policy_missing_test
