#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::cn_san_mismatch_test {

using namespace dpslint::test;

TEST_CASE("device.cn-san-mismatch fires when no DNS SAN name equals the CN",
          "[rule][device.cn-san-mismatch]") {
    const std::string file = "rules/device/san-mismatch.pem";
    const auto r = run_rule("device.cn-san-mismatch", nullptr, {file});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-san-mismatch"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=san-device-01");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("gateway-7.example.com"));
}

TEST_CASE("device.cn-san-mismatch is silent when a DNS SAN name equals the CN (any case)",
          "[rule][device.cn-san-mismatch]") {
    const auto r = run_rule("device.cn-san-mismatch", nullptr, {"rules/device/san-match.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.cn-san-mismatch is silent without a SAN", "[rule][device.cn-san-mismatch]") {
    const auto r = run_rule("device.cn-san-mismatch", nullptr, {"demo/devices/device-1.pem"});
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::cn_san_mismatch_test
