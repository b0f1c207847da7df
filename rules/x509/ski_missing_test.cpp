#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::ski_missing_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.ski-missing";
}  // namespace

TEST_CASE("x509.ski-missing fires on the snapshot CA certificate intermediate-no-ski.pem",
          "[rule][x509.ski-missing]") {
    check_profile_rule_on_ca(id, "limbo/profile/intermediate-no-ski.pem");
}

TEST_CASE("x509.ski-missing is silent on conforming device and CA certificates",
          "[rule][x509.ski-missing]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::ski_missing_test
