#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::weak_key_test {

using namespace dpslint::test;

TEST_CASE("device.weak-key fires for RSA-1024 and secp256k1", "[rule][device.weak-key]") {
    const std::string rsa = "pki/leaves/rsa1024.pem";
    const std::string k1 = "pki/leaves/secp256k1-key.pem";
    const auto r = run_rule("device.weak-key", nullptr, {rsa, k1}, {}, make_time(2030, 6, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.weak-key", "device.weak-key"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.file == rsa);
    CHECK(r.findings[0].location.subject == "CN=rsa1024");
    CHECK(r.findings[0].location.sha256 == certificate(rsa)->sha256());
    CHECK_THAT(r.findings[0].message, Catch::Contains("1024 bits"));
    CHECK(r.findings[1].location.file == k1);
    CHECK_THAT(r.findings[1].message, Catch::Contains("secp256k1"));
}

TEST_CASE("device.weak-key honours its options", "[rule][device.weak-key]") {
    CHECK(run_rule("device.weak-key", nullptr, {"pki/leaves/rsa1024.pem"}, {{"min-rsa-bits", 1024}},
                   make_time(2030, 6, 1))
              .findings.empty());
    CHECK(run_rule("device.weak-key", nullptr, {"pki/leaves/valid-p384.pem"},
                   {{"allowed-curves", {"P-256"}}}, make_time(2030, 6, 1))
              .ids()
          == std::vector<std::string>{"device.weak-key"});
}

TEST_CASE("device.weak-key is silent for strong keys", "[rule][device.weak-key]") {
    const auto r = run_rule("device.weak-key", nullptr,
                            {"pki/leaves/valid-p256.pem", "pki/leaves/valid-rsa2048.pem",
                             "pki/leaves/valid-ed25519.pem"},
                            {}, make_time(2030, 6, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::weak_key_test
