#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::body_missing_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);

void drop_body(Snapshot& s, std::size_t record) {
    auto& r = (*s.certificates)[record];
    const std::string sha1 = r.certificate->sha1();
    r.certificate = nullptr;
    r.certificate_file.clear();
    std::erase_if(s.ca_files, [&](const CaFile& f) { return f.certificate->sha1() == sha1; });
}
}  // namespace

TEST_CASE("ca.body-missing fires once per record without a CA file", "[rule][ca.body-missing]") {
    Snapshot s = demo_snapshot();
    drop_body(s, 0);
    auto r = run_rule("ca.body-missing", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.body-missing"});
    CHECK(r.findings[0].severity == Severity::notice);
    CHECK(r.findings[0].location.ca_name == "my-root-ca");
    CHECK(r.findings[0].location.json_pointer == "/value/0");
    CHECK(r.findings[0].location.sha1 == (*s.certificates)[0].thumbprint);
    CHECK(r.findings[0].message.find("ca.not-a-ca") != std::string::npos);
    CHECK(r.findings[0].message.find("chain") != std::string::npos);

    drop_body(s, 1);
    r = run_rule("ca.body-missing", &s, {}, {}, at);
    CHECK(r.findings.size() == 2);
}

TEST_CASE("ca.body-missing is silent when every record has its file", "[rule][ca.body-missing]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.body-missing", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::body_missing_test
