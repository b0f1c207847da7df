#include "support/profile_rule_checks.hpp"

#include <catch2/catch.hpp>

#include "dpslint/profile.hpp"

#include "support/rule_harness.hpp"

namespace dpslint::test {

namespace {

// The library check's own words: the rule reports exactly what verify --strict fails.
std::string library_message(const std::string& id, const std::string& file) {
    for (const auto& v : profile_violations(*certificate(file))) {
        if (v.id == id)
            return v.message;
    }
    return "(no violation)";
}

}  // namespace

void check_profile_rule_on_device(const std::string& id, const std::string& file) {
    INFO(id << " on " << file);
    const auto r = run_rule(id, nullptr, {file});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == file);
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("device certificate '"));
    CHECK_THAT(r.findings[0].message, Catch::EndsWith(library_message(id, file)));
    CHECK_THAT(r.findings[0].citation, Catch::StartsWith("RFC 5280 §"));
}

void check_profile_rule_on_ca(const std::string& id, const std::string& file) {
    INFO(id << " on " << file);
    Snapshot s = empty_snapshot();
    const auto ca = certificate(file);
    s.certificates->push_back(ca_record("profile-ca", ca));
    s.ca_files.push_back(ca_file(ca));
    s.groups.push_back(x509_group("fleet", "profile-ca"));
    renumber(s);
    const auto r = run_rule(id, &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{id});
    CHECK(r.findings[0].location.ca_name == "profile-ca");
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("CA certificate '"));
    CHECK_THAT(r.findings[0].message, Catch::EndsWith(library_message(id, file)));
}

void check_profile_rule_silent(const std::string& id) {
    const Snapshot s = demo_snapshot();
    const auto r =
        run_rule(id, &s, {"rules/x509/conforming-leaf.pem", "demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::test
