#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::expired_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);

Snapshot with_expired_record() {
    Snapshot s = demo_snapshot();
    const auto expired = certificate("pki/ca/expired-intermediate.pem");  // notAfter 2025-01-01
    s.certificates->push_back(ca_record("expired-intermediate", expired));
    s.ca_files.push_back(ca_file(expired));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("ca.expired fires on a record whose expiry is past", "[rule][ca.expired]") {
    const Snapshot s = with_expired_record();
    const auto r = run_rule("ca.expired", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.expired"});
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[0].location.ca_name == "expired-intermediate");
    CHECK(r.findings[0].location.json_pointer == "/value/2/properties/expiry");
    CHECK(r.findings[0].message.find("2025-01-01") != std::string::npos);
}

TEST_CASE("ca.expired falls back to the paired certificate's notAfter", "[rule][ca.expired]") {
    Snapshot s = with_expired_record();
    (*s.certificates)[2].expiry.reset();
    const auto r = run_rule("ca.expired", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.expired"});
    CHECK(r.findings[0].location.json_pointer == "/value/2");
    CHECK(r.findings[0].message.find("notAfter") != std::string::npos);
}

TEST_CASE("ca.expired is silent before the expiry", "[rule][ca.expired]") {
    const Snapshot s = with_expired_record();
    const auto r = run_rule("ca.expired", &s, {}, {}, make_time(2024, 12, 31));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::expired_test
