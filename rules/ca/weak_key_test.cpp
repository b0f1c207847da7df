#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::weak_key_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2030, 6, 1);

Snapshot with_record(const std::string& name, const std::string& file) {
    Snapshot s = empty_snapshot();
    const auto root = certificate("rules/ca/weak-root.pem");
    const auto c = certificate(file);
    s.certificates->push_back(ca_record("weak-root", root));
    s.certificates->push_back(ca_record(name, c));
    s.ca_files.push_back(ca_file(root));
    s.ca_files.push_back(ca_file(c));
    s.groups.push_back(x509_group("fleet", name));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("ca.weak-key fires on an RSA-1024 CA", "[rule][ca.weak-key]") {
    const Snapshot s = with_record("rsa1024", "rules/ca/rsa1024-intermediate.pem");
    const auto r = run_rule("ca.weak-key", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.weak-key"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.ca_name == "rsa1024");
    CHECK(r.findings[0].location.json_pointer == "/value/1");
    CHECK(r.findings[0].message.find("1024") != std::string::npos);
    // The policy is configurable.
    CHECK(run_rule("ca.weak-key", &s, {}, {{"min-rsa-bits", 1024}}, at).findings.empty());
}

TEST_CASE("ca.weak-key fires on a curve outside the allowed list", "[rule][ca.weak-key]") {
    const Snapshot s = with_record("k1", "rules/ca/secp256k1-intermediate.pem");
    const auto r = run_rule("ca.weak-key", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.weak-key"});
    CHECK(r.findings[0].location.ca_name == "k1");
    const std::string curve =
        certificate("rules/ca/secp256k1-intermediate.pem")->public_key().curve;
    CHECK(run_rule("ca.weak-key", &s, {}, {{"allowed-curves", {"P-256", curve}}}, at)
              .findings.empty());
}

TEST_CASE("ca.weak-key is silent on RSA-2048 and NIST curves", "[rule][ca.weak-key]") {
    Snapshot s = demo_snapshot();
    const auto testing = certificate("pki/ca/testing.pem");  // RSA-2048
    s.certificates->push_back(ca_record("testing", testing));
    s.ca_files.push_back(ca_file(testing));
    renumber(s);
    const auto r = run_rule("ca.weak-key", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::weak_key_test
