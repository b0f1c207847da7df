#include <catch2/catch.hpp>

#include "dpslint/profile.hpp"

#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {
const std::string id = "x509.ski-critical";

// The library check's own words for `file`: the rule reports exactly what verify --strict fails.
std::string library_message(const std::string& file) {
    for (const auto& v : profile_violations(*certificate(file))) {
        if (v.id == id)
            return v.message;
    }
    return "(no violation)";
}
}  // namespace

TEST_CASE("x509.ski-critical fires on the device certificate ski-critical-leaf.pem",
          "[rule][x509.ski-critical]") {
    const auto r = run_rule(id, nullptr, {"rules/x509/ski-critical-leaf.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == "rules/x509/ski-critical-leaf.pem");
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("device certificate '"));
    CHECK_THAT(r.findings[0].message,
               Catch::EndsWith(library_message("rules/x509/ski-critical-leaf.pem")));
    CHECK_THAT(r.findings[0].citation, Catch::StartsWith("RFC 5280 §"));
}

TEST_CASE("x509.ski-critical fires on the snapshot CA certificate ski-critical-ca.pem",
          "[rule][x509.ski-critical]") {
    Snapshot s = empty_snapshot();
    const auto ca = certificate("rules/x509/ski-critical-ca.pem");
    s.certificates->push_back(ca_record("profile-ca", ca));
    s.ca_files.push_back(ca_file(ca));
    s.groups.push_back(x509_group("fleet", "profile-ca"));
    renumber(s);
    const auto r = run_rule(id, &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].location.ca_name == "profile-ca");
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("CA certificate '"));
    CHECK_THAT(r.findings[0].message,
               Catch::EndsWith(library_message("rules/x509/ski-critical-ca.pem")));
}

TEST_CASE("x509.ski-critical is silent on conforming device and CA certificates",
          "[rule][x509.ski-critical]") {
    const Snapshot s = demo_snapshot();
    const auto r =
        run_rule(id, &s, {"rules/x509/conforming-leaf.pem", "demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("x509.ski-critical does not apply without certificates", "[rule][x509.ski-critical]") {
    CHECK_FALSE(run_rule(id, nullptr).applicable);
    const Snapshot s = empty_snapshot();
    CHECK_FALSE(run_rule(id, &s).applicable);
}
