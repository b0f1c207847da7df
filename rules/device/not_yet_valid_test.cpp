#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::not_yet_valid_test {

using namespace dpslint::test;

TEST_CASE("device.not-yet-valid fires before notBefore", "[rule][device.not-yet-valid]") {
    const std::string file = "pki/leaves/not-yet-valid.pem";
    const auto r = run_rule("device.not-yet-valid", nullptr, {file}, {}, make_time(2026, 12, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.not-yet-valid"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=not-yet-valid");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("not valid before 2031-01-01"));
}

TEST_CASE("device.not-yet-valid is silent once valid", "[rule][device.not-yet-valid]") {
    const auto r = run_rule("device.not-yet-valid", nullptr,
                            {"pki/leaves/not-yet-valid.pem", "pki/leaves/expired.pem"}, {},
                            make_time(2031, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::not_yet_valid_test
