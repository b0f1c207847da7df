#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::ski_critical_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.ski-critical";
}  // namespace

TEST_CASE("x509.ski-critical fires on the device certificate ski-critical-leaf.pem",
          "[rule][x509.ski-critical]") {
    check_profile_rule_on_device(id, "rules/x509/ski-critical-leaf.pem");
}

TEST_CASE("x509.ski-critical fires on the snapshot CA certificate ski-critical-ca.pem",
          "[rule][x509.ski-critical]") {
    check_profile_rule_on_ca(id, "rules/x509/ski-critical-ca.pem");
}

TEST_CASE("x509.ski-critical is silent on conforming device and CA certificates",
          "[rule][x509.ski-critical]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::ski_critical_test
