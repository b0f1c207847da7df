#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::aki_missing_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.aki-missing";
}  // namespace

TEST_CASE("x509.aki-missing fires on the device certificate leaf-missing-aki.pem",
          "[rule][x509.aki-missing]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-missing-aki.pem");
}

TEST_CASE("x509.aki-missing fires on the snapshot CA certificate intermediate-no-aki.pem",
          "[rule][x509.aki-missing]") {
    check_profile_rule_on_ca(id, "limbo/profile/intermediate-no-aki.pem");
}

TEST_CASE("x509.aki-missing is silent on conforming device and CA certificates",
          "[rule][x509.aki-missing]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::aki_missing_test
