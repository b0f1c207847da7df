#include <catch2/catch.hpp>

#include "dpslint/profile.hpp"

#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {
const std::string id = "x509.ski-missing";

// The library check's own words for `file`: the rule reports exactly what verify --strict fails.
std::string library_message(const std::string& file) {
    for (const auto& v : profile_violations(*certificate(file))) {
        if (v.id == id)
            return v.message;
    }
    return "(no violation)";
}
}  // namespace

TEST_CASE("x509.ski-missing fires on the snapshot CA certificate intermediate-no-ski.pem",
          "[rule][x509.ski-missing]") {
    Snapshot s = empty_snapshot();
    const auto ca = certificate("limbo/profile/intermediate-no-ski.pem");
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
               Catch::EndsWith(library_message("limbo/profile/intermediate-no-ski.pem")));
}

TEST_CASE("x509.ski-missing is silent on conforming device and CA certificates",
          "[rule][x509.ski-missing]") {
    const Snapshot s = demo_snapshot();
    const auto r =
        run_rule(id, &s, {"rules/x509/conforming-leaf.pem", "demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("x509.ski-missing does not apply without certificates", "[rule][x509.ski-missing]") {
    CHECK_FALSE(run_rule(id, nullptr).applicable);
    const Snapshot s = empty_snapshot();
    CHECK_FALSE(run_rule(id, &s).applicable);
}
