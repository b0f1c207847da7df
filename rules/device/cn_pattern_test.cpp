#include <catch2/catch.hpp>

#include "dpslint_rules/registry.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::rules::device::cn_pattern_test {

using namespace dpslint::test;

TEST_CASE("device.cn-pattern fires for a CN outside the pattern", "[rule][device.cn-pattern]") {
    const std::string file = "demo/devices/sensor-042.pem";
    const auto r = run_rule("device.cn-pattern", nullptr, {file}, {{"pattern", "device-[0-9]+"}});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-pattern"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.registration_id == "sensor-042");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("'device-[0-9]+'"));
}

TEST_CASE("device.cn-pattern needs a full match", "[rule][device.cn-pattern]") {
    // "device-1" contains "device" but does not fully match "device".
    const auto r = run_rule("device.cn-pattern", nullptr, {"demo/devices/device-1.pem"},
                            {{"pattern", "device"}});
    CHECK(r.ids() == std::vector<std::string>{"device.cn-pattern"});
}

TEST_CASE("device.cn-pattern is silent for a matching CN", "[rule][device.cn-pattern]") {
    const auto r = run_rule("device.cn-pattern", nullptr,
                            {"demo/devices/device-1.pem", "demo/devices/device-001.pem"},
                            {{"pattern", "device-[0-9]+"}});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.cn-pattern reports nothing with the default empty pattern and is off by default",
          "[rule][device.cn-pattern]") {
    const auto r = run_rule("device.cn-pattern", nullptr, {"demo/devices/sensor-bad-cn.pem"});
    CHECK(r.findings.empty());
    const auto* rule = rules::find_rule("device.cn-pattern");
    REQUIRE(rule != nullptr);
    CHECK_FALSE(rule->metadata().enabled_by_default);
}

}  // namespace dpslint::rules::device::cn_pattern_test
