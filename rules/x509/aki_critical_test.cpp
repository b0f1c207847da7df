#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::aki_critical_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.aki-critical";
}  // namespace

TEST_CASE("x509.aki-critical fires on the device certificate leaf-critical-aki.pem",
          "[rule][x509.aki-critical]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-critical-aki.pem");
}

TEST_CASE("x509.aki-critical is silent on conforming device and CA certificates",
          "[rule][x509.aki-critical]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::aki_critical_test
