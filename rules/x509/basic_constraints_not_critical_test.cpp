#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::basic_constraints_not_critical_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.basic-constraints-not-critical";
}  // namespace

TEST_CASE(
    "x509.basic-constraints-not-critical fires on the snapshot CA certificate "
    "intermediate-bc-not-critical.pem",
    "[rule][x509.basic-constraints-not-critical]") {
    check_profile_rule_on_ca(id, "limbo/profile/intermediate-bc-not-critical.pem");
}

TEST_CASE("x509.basic-constraints-not-critical is silent on conforming device and CA certificates",
          "[rule][x509.basic-constraints-not-critical]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::basic_constraints_not_critical_test
