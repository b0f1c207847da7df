#include <catch2/catch.hpp>

#include "dpslint/profile.hpp"

#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {
const std::string id = "x509.aki-critical";

// The library check's own words for `file`: the rule reports exactly what verify --strict fails.
std::string library_message(const std::string& file) {
    for (const auto& v : profile_violations(*certificate(file))) {
        if (v.id == id)
            return v.message;
    }
    return "(no violation)";
}
}  // namespace

TEST_CASE("x509.aki-critical fires on the device certificate leaf-critical-aki.pem",
          "[rule][x509.aki-critical]") {
    const auto r = run_rule(id, nullptr, {"limbo/profile/leaf-critical-aki.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == "limbo/profile/leaf-critical-aki.pem");
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("device certificate '"));
    CHECK_THAT(r.findings[0].message,
               Catch::EndsWith(library_message("limbo/profile/leaf-critical-aki.pem")));
    CHECK_THAT(r.findings[0].citation, Catch::StartsWith("RFC 5280 §"));
}

TEST_CASE("x509.aki-critical is silent on conforming device and CA certificates",
          "[rule][x509.aki-critical]") {
    const Snapshot s = demo_snapshot();
    const auto r =
        run_rule(id, &s, {"rules/x509/conforming-leaf.pem", "demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("x509.aki-critical does not apply without certificates", "[rule][x509.aki-critical]") {
    CHECK_FALSE(run_rule(id, nullptr).applicable);
    const Snapshot s = empty_snapshot();
    CHECK_FALSE(run_rule(id, &s).applicable);
}
