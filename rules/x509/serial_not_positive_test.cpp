#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::serial_not_positive_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.serial-not-positive";
}  // namespace

TEST_CASE("x509.serial-not-positive fires on the device certificate leaf-serial-zero.pem",
          "[rule][x509.serial-not-positive]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-serial-zero.pem");
}

TEST_CASE("x509.serial-not-positive fires on the device certificate leaf-serial-negative.pem",
          "[rule][x509.serial-not-positive]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-serial-negative.pem");
}

TEST_CASE("x509.serial-not-positive is silent on conforming device and CA certificates",
          "[rule][x509.serial-not-positive]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::serial_not_positive_test
