#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::serial_invalid_test {

using namespace dpslint::test;

namespace {
std::vector<Finding> run_one(const std::string& file) {
    return run_rule("device.serial-invalid", nullptr, {file}, {}, make_time(2027, 1, 1)).findings;
}
}  // namespace

TEST_CASE("device.serial-invalid fires for a 21-octet serial", "[rule][device.serial-invalid]") {
    const std::string file = "rules/device/serial-21-octets.pem";
    const auto findings = run_one(file);
    REQUIRE(findings.size() == 1u);
    CHECK(findings[0].id == "device.serial-invalid");
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].location.file == file);
    CHECK(findings[0].location.subject == "CN=serial-21-octets");
    CHECK(findings[0].location.sha256 == certificate(file)->sha256());
    CHECK_THAT(findings[0].message, Catch::Contains("has 21 octets"));
}

TEST_CASE("device.serial-invalid fires for zero and negative serials",
          "[rule][device.serial-invalid]") {
    auto findings = run_one("rules/device/serial-zero.pem");
    REQUIRE(findings.size() == 1u);
    CHECK_THAT(findings[0].message, Catch::Contains("is zero"));
    findings = run_one("rules/device/serial-negative.pem");
    REQUIRE(findings.size() == 1u);
    CHECK_THAT(findings[0].message, Catch::Contains("is negative (-0x0100)"));
}

TEST_CASE("device.serial-invalid is silent for a 20-octet positive serial",
          "[rule][device.serial-invalid]") {
    const auto r = run_rule("device.serial-invalid", nullptr,
                            {"rules/device/serial-20-octets.pem", "demo/devices/device-1.pem"}, {},
                            make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::serial_invalid_test
