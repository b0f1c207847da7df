#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::not_a_ca_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2030, 6, 1);

Snapshot with_record(const std::string& name, const std::string& file) {
    Snapshot s = empty_snapshot();
    const auto root = certificate("pki/ca/root.pem");
    const auto c = certificate(file);
    s.certificates->push_back(ca_record("root", root));
    s.certificates->push_back(ca_record(name, c));
    s.ca_files.push_back(ca_file(root));
    s.ca_files.push_back(ca_file(c));
    s.groups.push_back(x509_group("fleet", name));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("ca.not-a-ca fires on a CA with basicConstraints cA=FALSE", "[rule][ca.not-a-ca]") {
    const Snapshot s = with_record("not-ca", "pki/ca/not-ca-intermediate.pem");
    const auto r = run_rule("ca.not-a-ca", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.not-a-ca"});
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[0].location.ca_name == "not-ca");
    CHECK(r.findings[0].location.json_pointer == "/value/1");
    CHECK(r.findings[0].location.subject
          == "CN=dpslint Not-CA Intermediate CA,O=dpslint Test,C=US");
    CHECK(r.findings[0].message.find("cA=FALSE") != std::string::npos);
}

TEST_CASE("ca.not-a-ca says what a v1 or extension-less CA has instead", "[rule][ca.not-a-ca]") {
    {
        const Snapshot s = with_record("v1", "pki/ca/v1-intermediate.pem");
        const auto r = run_rule("ca.not-a-ca", &s, {}, {}, at);
        REQUIRE(r.ids() == std::vector<std::string>{"ca.not-a-ca"});
        CHECK(r.findings[0].severity == Severity::error);
        CHECK(r.findings[0].message.find("X.509 v1") != std::string::npos);
    }
    {
        const Snapshot s = with_record("no-bc", "pki/ca/no-bc-intermediate.pem");
        const auto r = run_rule("ca.not-a-ca", &s, {}, {}, at);
        REQUIRE(r.ids() == std::vector<std::string>{"ca.not-a-ca"});
        CHECK(r.findings[0].message.find("no basicConstraints") != std::string::npos);
    }
}

TEST_CASE("ca.not-a-ca is a warning for a self-signed non-CA root", "[rule][ca.not-a-ca]") {
    const Snapshot s = with_record("self-signed", "pki/leaves/self-signed-leaf.pem");
    const auto r = run_rule("ca.not-a-ca", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.not-a-ca"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.ca_name == "self-signed");
}

TEST_CASE("ca.not-a-ca is silent on proper CAs", "[rule][ca.not-a-ca]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.not-a-ca", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::not_a_ca_test
