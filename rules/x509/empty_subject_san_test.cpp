#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::empty_subject_san_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.empty-subject-san";
}  // namespace

TEST_CASE(
    "x509.empty-subject-san fires on the device certificate "
    "leaf-empty-subject-san-not-critical.pem",
    "[rule][x509.empty-subject-san]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-empty-subject-san-not-critical.pem");
}

TEST_CASE("x509.empty-subject-san is silent on conforming device and CA certificates",
          "[rule][x509.empty-subject-san]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::empty_subject_san_test
