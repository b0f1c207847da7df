#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::unverified_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);

const Finding* for_record(const RuleResult& r, const std::string& name) {
    for (const auto& f : r.findings) {
        if (f.location.ca_name == name)
            return &f;
    }
    return nullptr;
}
}  // namespace

TEST_CASE("ca.unverified is an error when a group depends on it and nothing above is verified",
          "[rule][ca.unverified]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[0].is_verified = false;  // my-root-ca
    (*s.certificates)[1].is_verified = false;  // my-intermediate-ca
    const auto r = run_rule("ca.unverified", &s, {}, {}, at);
    REQUIRE(r.applicable);
    REQUIRE(r.findings.size() == 2);
    const Finding* intermediate = for_record(r, "my-intermediate-ca");
    REQUIRE(intermediate != nullptr);
    CHECK(intermediate->id == "ca.unverified");
    CHECK(intermediate->severity == Severity::error);
    CHECK(intermediate->location.file == "certificates.json");
    CHECK(intermediate->location.json_pointer == "/value/1/properties/isVerified");
    CHECK(intermediate->message.find("'fleet'") != std::string::npos);
    // The root is referenced by no group: a notice.
    const Finding* root = for_record(r, "my-root-ca");
    REQUIRE(root != nullptr);
    CHECK(root->severity == Severity::notice);
    CHECK(root->location.json_pointer == "/value/0/properties/isVerified");
    CHECK(root->message.find("above the CA of 'fleet'") != std::string::npos);
}

TEST_CASE("ca.unverified is a warning when a verified root above lets devices roll up",
          "[rule][ca.unverified]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[1].is_verified = false;  // intermediate unverified, root verified
    const auto r = run_rule("ca.unverified", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.unverified"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.ca_name == "my-intermediate-ca");
    CHECK(r.findings[0].message.find("'my-root-ca'") != std::string::npos);
    CHECK(r.findings[0].message.find("presents the intermediate") != std::string::npos);
}

TEST_CASE("ca.unverified is a notice when only a disabled group references it",
          "[rule][ca.unverified]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[0].is_verified = false;
    (*s.certificates)[1].is_verified = false;
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    const auto r = run_rule("ca.unverified", &s, {}, {}, at);
    REQUIRE(r.findings.size() == 2);
    for (const auto& f : r.findings)
        CHECK(f.severity == Severity::notice);
    CHECK(for_record(r, "my-intermediate-ca")->message.find("disabled") != std::string::npos);
}

TEST_CASE("ca.unverified without the CA body depends on whether anything is verified",
          "[rule][ca.unverified]") {
    Snapshot s = demo_snapshot();
    auto& intermediate = (*s.certificates)[1];
    intermediate.is_verified = false;
    intermediate.certificate = nullptr;
    intermediate.certificate_file.clear();
    s.ca_files.pop_back();
    {
        // The root is verified, but dpslint cannot see whether it is above: a warning.
        const auto r = run_rule("ca.unverified", &s, {}, {}, at);
        REQUIRE(r.ids() == std::vector<std::string>{"ca.unverified"});
        CHECK(r.findings[0].severity == Severity::warning);
        CHECK(r.findings[0].location.ca_name == "my-intermediate-ca");
    }
    (*s.certificates)[0].is_verified = false;
    {
        const auto r = run_rule("ca.unverified", &s, {}, {}, at);
        const Finding* f = for_record(r, "my-intermediate-ca");
        REQUIRE(f != nullptr);
        CHECK(f->severity == Severity::error);
    }
}

TEST_CASE("ca.unverified is silent when every record is verified", "[rule][ca.unverified]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.unverified", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::unverified_test
