#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::weak_signature_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2030, 6, 1);

Snapshot with_record(const std::string& name, const std::string& file) {
    Snapshot s = empty_snapshot();
    const auto root = certificate("rules/ca/weak-root.pem");  // self-signed with SHA-1
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

TEST_CASE("ca.weak-signature fires on a CA signed with SHA-1 or MD5", "[rule][ca.weak-signature]") {
    for (const std::string hash : {"sha1", "md5"}) {
        const Snapshot s = with_record(hash, "rules/ca/" + hash + "-intermediate.pem");
        const auto r = run_rule("ca.weak-signature", &s, {}, {}, at);
        REQUIRE(r.applicable);
        // Only the intermediate: the root's own SHA-1 self-signature is not relied on.
        REQUIRE(r.ids() == std::vector<std::string>{"ca.weak-signature"});
        CHECK(r.findings[0].severity == Severity::warning);
        CHECK(r.findings[0].location.ca_name == hash);
        CHECK(r.findings[0].location.json_pointer == "/value/1");
        CHECK(r.findings[0].message.find(hash) != std::string::npos);
    }
}

TEST_CASE("ca.weak-signature is silent on SHA-2 CAs and self-signed roots",
          "[rule][ca.weak-signature]") {
    const Snapshot s = with_record("rsa1024", "rules/ca/rsa1024-intermediate.pem");
    const auto r = run_rule("ca.weak-signature", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::weak_signature_test
