#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::expiring_soon_test {

using namespace dpslint::test;

TEST_CASE("device.expiring-soon fires within the window", "[rule][device.expiring-soon]") {
    // device-1 expires 2030-01-01.
    const std::string file = "demo/devices/device-1.pem";
    const auto r = run_rule("device.expiring-soon", nullptr, {file}, {}, make_time(2029, 12, 15));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.expiring-soon"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.registration_id == "device-1");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("expires on 2030-01-01, in 17 days"));
}

TEST_CASE("device.expiring-soon honours the days option", "[rule][device.expiring-soon]") {
    const std::string file = "demo/devices/device-1.pem";
    CHECK(run_rule("device.expiring-soon", nullptr, {file}, {{"days", 10}}, make_time(2029, 12, 15))
              .findings.empty());
    CHECK(run_rule("device.expiring-soon", nullptr, {file}, {{"days", 365}}, make_time(2029, 6, 1))
              .ids()
          == std::vector<std::string>{"device.expiring-soon"});
}

TEST_CASE("device.expiring-soon is silent far from expiry and once expired",
          "[rule][device.expiring-soon]") {
    const std::string file = "demo/devices/device-1.pem";
    auto r = run_rule("device.expiring-soon", nullptr, {file}, {}, make_time(2026, 12, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
    r = run_rule("device.expiring-soon", nullptr, {file}, {}, make_time(2030, 2, 1));
    CHECK(r.findings.empty());  // device.expired
}

}  // namespace dpslint::rules::device::expiring_soon_test
