#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::policy_constraints_not_critical_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.policy-constraints-not-critical";
}  // namespace

TEST_CASE(
    "x509.policy-constraints-not-critical fires on the snapshot CA certificate "
    "intermediate-pc-not-critical.pem",
    "[rule][x509.policy-constraints-not-critical]") {
    check_profile_rule_on_ca(id, "limbo/profile/intermediate-pc-not-critical.pem");
}

TEST_CASE("x509.policy-constraints-not-critical is silent on conforming device and CA certificates",
          "[rule][x509.policy-constraints-not-critical]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::policy_constraints_not_critical_test
