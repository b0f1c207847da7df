#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::reprovision::inconsistent_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);
}

TEST_CASE("reprovision.inconsistent fires on no hub change with data migration",
          "[rule][reprovision.inconsistent]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.reprovision_policy = ReprovisionPolicy{false, true};
    s.individuals->push_back(symmetric_key_individual("sensor-01"));
    (*s.individuals)[0].settings.reprovision_policy = ReprovisionPolicy{false, true};
    renumber(s);
    const auto r = run_rule("reprovision.inconsistent", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].id == "reprovision.inconsistent");
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/reprovisionPolicy");
    CHECK(r.findings[0].location.enrollment_kind == "group");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].message.find("'never'") != std::string::npos);
    CHECK(r.findings[1].location.file == "enrollments.json");
    CHECK(r.findings[1].location.json_pointer == "/0/reprovisionPolicy");
    CHECK(r.findings[1].location.enrollment_kind == "individual");
    CHECK(r.findings[1].location.enrollment_id == "sensor-01");
}

TEST_CASE("reprovision.inconsistent is silent on the named policies and a missing one",
          "[rule][reprovision.inconsistent]") {
    Snapshot s = demo_snapshot();
    for (const auto policy : {ReprovisionPolicy{true, true}, ReprovisionPolicy{true, false},
                              ReprovisionPolicy{false, false}}) {
        s.groups[0].settings.reprovision_policy = policy;
        const auto r = run_rule("reprovision.inconsistent", &s, {}, {}, at);
        CHECK(r.applicable);
        CHECK(r.findings.empty());
    }
    s.groups[0].settings.reprovision_policy.reset();
    CHECK(run_rule("reprovision.inconsistent", &s, {}, {}, at).findings.empty());
}

}  // namespace dpslint::rules::reprovision::inconsistent_test
