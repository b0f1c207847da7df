#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::serial_too_long_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.serial-too-long";
}  // namespace

TEST_CASE("x509.serial-too-long fires on the device certificate leaf-serial-21-octets.pem",
          "[rule][x509.serial-too-long]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-serial-21-octets.pem");
}

TEST_CASE("x509.serial-too-long is silent on conforming device and CA certificates",
          "[rule][x509.serial-too-long]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::serial_too_long_test
