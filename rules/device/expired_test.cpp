#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::expired_test {

using namespace dpslint::test;

TEST_CASE("device.expired fires for an expired device certificate", "[rule][device.expired]") {
    const std::string file = "pki/leaves/expired.pem";
    const auto r = run_rule("device.expired", nullptr, {file}, {}, make_time(2026, 12, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.expired"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=expired");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("expired on 2021-01-01"));
}

TEST_CASE("device.expired is silent within the validity period", "[rule][device.expired]") {
    // device-1 is valid 2025-01-01..2030-01-01; the last second still counts.
    auto r = run_rule("device.expired", nullptr, {"demo/devices/device-1.pem"}, {},
                      make_time(2026, 12, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
    r = run_rule("device.expired", nullptr, {"demo/devices/device-1.pem"}, {},
                 make_time(2030, 1, 1));
    CHECK(r.findings.empty());
    r = run_rule("device.expired", nullptr, {"demo/devices/device-1.pem"}, {},
                 make_time(2030, 1, 1, 0, 0, 1));
    CHECK(r.ids() == std::vector<std::string>{"device.expired"});
}

}  // namespace dpslint::rules::device::expired_test
