#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::cn_too_long_test {

using namespace dpslint::test;

TEST_CASE("device.cn-too-long fires for a 65-character CN", "[rule][device.cn-too-long]") {
    const std::string file = "rules/device/cn-65.pem";
    const auto r = run_rule("device.cn-too-long", nullptr, {file});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.cn-too-long"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK(f.location.registration_id.size() == 65u);
    CHECK_THAT(f.message, Catch::Contains("has 65 characters") && Catch::Contains("at most 64"));
}

TEST_CASE("device.cn-too-long is silent for a 64-character CN", "[rule][device.cn-too-long]") {
    const auto r = run_rule("device.cn-too-long", nullptr, {"rules/device/cn-64.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::cn_too_long_test
