#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::cn_uppercase_test {

using namespace dpslint::test;

TEST_CASE("device.cn-uppercase fires for a mixed-case CN", "[rule][device.cn-uppercase]") {
    const std::string file = "rules/device/uppercase-cn.pem";
    const auto r = run_rule("device.cn-uppercase", nullptr, {file});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-uppercase"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=Device-ABC-01");
    CHECK(f.location.registration_id == "Device-ABC-01");
    CHECK(f.location.sha256 == certificate(file)->sha256());
}

TEST_CASE("device.cn-uppercase is silent for a lower-case CN", "[rule][device.cn-uppercase]") {
    const auto r = run_rule("device.cn-uppercase", nullptr, {"demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::cn_uppercase_test
