#include <catch2/catch.hpp>

#include "support/profile_rule_checks.hpp"

namespace dpslint::rules::x509::key_cert_sign_not_ca_test {

using namespace dpslint::test;

namespace {
const std::string id = "x509.key-cert-sign-not-ca";
}  // namespace

TEST_CASE("x509.key-cert-sign-not-ca fires on the device certificate leaf-key-cert-sign.pem",
          "[rule][x509.key-cert-sign-not-ca]") {
    check_profile_rule_on_device(id, "limbo/profile/leaf-key-cert-sign.pem");
}

TEST_CASE("x509.key-cert-sign-not-ca is silent on conforming device and CA certificates",
          "[rule][x509.key-cert-sign-not-ca]") {
    check_profile_rule_silent(id);
}

}  // namespace dpslint::rules::x509::key_cert_sign_not_ca_test
