#include <catch2/catch.hpp>

#include "dpslint/identifiers.hpp"

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::duplicate_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);
}

TEST_CASE("ca.duplicate fires on the same certificate under a second name",
          "[rule][ca.duplicate]") {
    Snapshot s = demo_snapshot();
    auto copy = ca_record("my-root-ca-copy", certificate("demo/ca/my-root-ca.pem"), false);
    copy.thumbprint = ascii_lower(copy.thumbprint);  // thumbprints compare case-insensitively
    s.certificates->push_back(copy);
    renumber(s);
    const auto r = run_rule("ca.duplicate", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.duplicate"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.ca_name == "my-root-ca-copy");
    CHECK(r.findings[0].location.json_pointer == "/value/2");
    CHECK(r.findings[0].message.find("'my-root-ca'") != std::string::npos);
    CHECK(r.findings[0].message.find("not verified") != std::string::npos);
}

TEST_CASE("ca.duplicate is silent on distinct certificates", "[rule][ca.duplicate]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.duplicate", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::duplicate_test
