#include <catch2/catch.hpp>

#include "dpslint/profile.hpp"

#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {
const std::string id = "x509.serial-not-positive";

// The library check's own words for `file`: the rule reports exactly what verify --strict fails.
std::string library_message(const std::string& file) {
    for (const auto& v : profile_violations(*certificate(file))) {
        if (v.id == id)
            return v.message;
    }
    return "(no violation)";
}
}  // namespace

TEST_CASE("x509.serial-not-positive fires on the device certificate leaf-serial-zero.pem",
          "[rule][x509.serial-not-positive]") {
    const auto r = run_rule(id, nullptr, {"limbo/profile/leaf-serial-zero.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == "limbo/profile/leaf-serial-zero.pem");
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("device certificate '"));
    CHECK_THAT(r.findings[0].message,
               Catch::EndsWith(library_message("limbo/profile/leaf-serial-zero.pem")));
    CHECK_THAT(r.findings[0].citation, Catch::StartsWith("RFC 5280 §"));
}

TEST_CASE("x509.serial-not-positive fires on the device certificate leaf-serial-negative.pem",
          "[rule][x509.serial-not-positive]") {
    const auto r = run_rule(id, nullptr, {"limbo/profile/leaf-serial-negative.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == "limbo/profile/leaf-serial-negative.pem");
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("device certificate '"));
    CHECK_THAT(r.findings[0].message,
               Catch::EndsWith(library_message("limbo/profile/leaf-serial-negative.pem")));
    CHECK_THAT(r.findings[0].citation, Catch::StartsWith("RFC 5280 §"));
}

TEST_CASE("x509.serial-not-positive is silent on conforming device and CA certificates",
          "[rule][x509.serial-not-positive]") {
    const Snapshot s = demo_snapshot();
    const auto r =
        run_rule(id, &s, {"rules/x509/conforming-leaf.pem", "demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("x509.serial-not-positive does not apply without certificates",
          "[rule][x509.serial-not-positive]") {
    CHECK_FALSE(run_rule(id, nullptr).applicable);
    const Snapshot s = empty_snapshot();
    CHECK_FALSE(run_rule(id, &s).applicable);
}
