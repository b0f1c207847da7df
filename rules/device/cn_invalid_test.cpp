#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::cn_invalid_test {

using namespace dpslint::test;

TEST_CASE("device.cn-invalid fires for a CN with a space", "[rule][device.cn-invalid]") {
    const std::string file = "demo/devices/sensor-bad-cn.pem";
    const auto r = run_rule("device.cn-invalid", nullptr, {file});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-invalid"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=Sensor 42");
    CHECK(f.location.registration_id == "Sensor 42");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("' ' at position 7") && Catch::Contains("400004"));
}

TEST_CASE("device.cn-invalid fires for a CN ending in a dot", "[rule][device.cn-invalid]") {
    const auto r = run_rule("device.cn-invalid", nullptr, {"rules/device/cn-trailing-dot.pem"});
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-invalid"});
    CHECK_THAT(r.findings[0].message, Catch::Contains("ends with '.'"));
}

TEST_CASE("device.cn-invalid leaves the length to device.cn-too-long",
          "[rule][device.cn-invalid]") {
    const auto r = run_rule("device.cn-invalid", nullptr, {"rules/device/cn-65.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.cn-invalid is silent for a valid CN", "[rule][device.cn-invalid]") {
    const auto r = run_rule("device.cn-invalid", nullptr,
                            {"demo/devices/device-1.pem", "rules/device/no-cn.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::cn_invalid_test
