#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::cn_missing_test {

using namespace dpslint::test;

TEST_CASE("device.cn-missing fires for a device certificate without a CN",
          "[rule][device.cn-missing]") {
    const std::string file = "rules/device/no-cn.pem";
    const auto r = run_rule("device.cn-missing", nullptr, {file});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-missing"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.certificate_index == 0u);
    CHECK(f.location.subject == "OU=no-cn,O=dpslint Rule Test,C=US");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK(f.location.registration_id.empty());
    CHECK_THAT(f.message, Catch::Contains("has no CN"));
}

TEST_CASE("device.cn-missing fires for a device certificate with two CNs",
          "[rule][device.cn-missing]") {
    const std::string file = "rules/device/two-cns.pem";
    const auto r = run_rule("device.cn-missing", nullptr, {file});
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-missing"});
    CHECK(r.findings[0].location.file == file);
    CHECK(r.findings[0].location.sha256 == certificate(file)->sha256());
    CHECK_THAT(r.findings[0].message, Catch::Contains("2 CN attributes"));
}

TEST_CASE("device.cn-missing is silent for a device with one CN", "[rule][device.cn-missing]") {
    const auto r = run_rule("device.cn-missing", nullptr, {"demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::cn_missing_test
