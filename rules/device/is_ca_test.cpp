#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::is_ca_test {

using namespace dpslint::test;

TEST_CASE("device.is-ca fires for a device certificate with cA=TRUE", "[rule][device.is-ca]") {
    const std::string file = "rules/device/is-ca.pem";
    const auto r = run_rule("device.is-ca", nullptr, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.is-ca"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=is-ca-device");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("IoT Edge"));
}

TEST_CASE("device.is-ca is silent for an end-entity certificate", "[rule][device.is-ca]") {
    const auto r =
        run_rule("device.is-ca", nullptr, {"demo/devices/device-1.pem"}, {}, make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::is_ca_test
