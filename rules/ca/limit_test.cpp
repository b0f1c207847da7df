#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::limit_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);

Snapshot with_records(std::size_t n) {
    Snapshot s = empty_snapshot();
    const auto root = certificate("demo/ca/my-root-ca.pem");
    for (std::size_t i = 0; i < n; ++i)
        s.certificates->push_back(ca_record("ca-" + std::to_string(i), root));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("ca.limit fires once above 25 records", "[rule][ca.limit]") {
    const Snapshot s = with_records(26);
    const auto r = run_rule("ca.limit", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.limit"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == "certificates.json");
    CHECK(r.findings[0].location.json_pointer == "/value");
    CHECK(r.findings[0].message.find("26") != std::string::npos);
    CHECK(r.findings[0].message.find("adjustable") != std::string::npos);
}

TEST_CASE("ca.limit is silent at the limit and honours max", "[rule][ca.limit]") {
    const Snapshot at_limit = with_records(25);
    CHECK(run_rule("ca.limit", &at_limit, {}, {}, at).findings.empty());
    const Snapshot above = with_records(26);
    CHECK(run_rule("ca.limit", &above, {}, {{"max", 50}}, at).findings.empty());
}

}  // namespace dpslint::rules::ca::limit_test
