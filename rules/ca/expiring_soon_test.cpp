#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::expiring_soon_test {

using namespace dpslint::test;

// The demo intermediate expires 2034-01-01, the demo root 2044-01-01.

TEST_CASE("ca.expiring-soon fires within the window", "[rule][ca.expiring-soon]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.expiring-soon", &s, {}, {}, make_time(2033, 11, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.expiring-soon"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.ca_name == "my-intermediate-ca");
    CHECK(r.findings[0].location.json_pointer == "/value/1/properties/expiry");
    CHECK(r.findings[0].message.find("in 61 days") != std::string::npos);
}

TEST_CASE("ca.expiring-soon honours the days option", "[rule][ca.expiring-soon]") {
    const Snapshot s = demo_snapshot();
    CHECK(run_rule("ca.expiring-soon", &s, {}, {{"days", 30}}, make_time(2033, 11, 1))
              .findings.empty());
    CHECK(
        run_rule("ca.expiring-soon", &s, {}, {{"days", 365}}, make_time(2033, 2, 1)).findings.size()
        == 1);
}

TEST_CASE("ca.expiring-soon is silent far from expiry and after it", "[rule][ca.expiring-soon]") {
    const Snapshot s = demo_snapshot();
    CHECK(run_rule("ca.expiring-soon", &s, {}, {}, make_time(2026, 12, 1)).findings.empty());
    // Expired (2034-02-01) is ca.expired's business.
    CHECK(run_rule("ca.expiring-soon", &s, {}, {}, make_time(2034, 2, 1)).findings.empty());
}

}  // namespace dpslint::rules::ca::expiring_soon_test
