#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

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

TEST_CASE("x509.serial-too-long does not apply without certificates",
          "[rule][x509.serial-too-long]") {
    check_profile_rule_needs_certificates(id);
}
