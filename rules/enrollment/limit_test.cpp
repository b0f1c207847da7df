#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::enrollment::limit_test {

using namespace dpslint::test;

namespace {
Snapshot with_groups(int count) {
    Snapshot s = demo_snapshot();
    for (int i = 1; i < count; ++i)
        s.groups.push_back(x509_group("line-" + std::to_string(i), "my-intermediate-ca"));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("enrollment.limit fires above 100 X.509 groups", "[rule][enrollment.limit]") {
    const Snapshot s = with_groups(101);
    const auto r = run_rule("enrollment.limit", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"enrollment.limit"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == "enrollment-groups.json");
    CHECK(f.location.json_pointer.empty());
    CHECK_THAT(f.message, Catch::Contains("101"));
}

TEST_CASE("enrollment.limit is silent at the limit and honours max", "[rule][enrollment.limit]") {
    const Snapshot at_limit = with_groups(100);
    CHECK(run_rule("enrollment.limit", &at_limit).findings.empty());
    const Snapshot above = with_groups(101);
    CHECK(run_rule("enrollment.limit", &above, {}, {{"max", 200}}).findings.empty());
    CHECK(run_rule("enrollment.limit", &at_limit, {}, {{"max", 50}}).findings.size() == 1);
}

}  // namespace dpslint::rules::enrollment::limit_test
