#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::chain_too_large_test {

using namespace dpslint::test;

TEST_CASE("device.chain-too-large fires for an RSA-4096 chain above 4 KB",
          "[rule][device.chain-too-large]") {
    const std::string file = "rules/device/large-chain.pem";
    const auto r = run_rule("device.chain-too-large", nullptr, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.chain-too-large"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=large-chain");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    std::size_t total = 0;
    for (const auto& c : certificates(file))
        total += c->der().size();
    REQUIRE(total > 4096u);
    CHECK_THAT(f.message, Catch::Contains("(3 certificates) total " + std::to_string(total)
                                          + " bytes of DER, above 4096"));
}

TEST_CASE("device.chain-too-large honours max-bytes", "[rule][device.chain-too-large]") {
    CHECK(run_rule("device.chain-too-large", nullptr, {"rules/device/large-chain.pem"},
                   {{"max-bytes", 8192}}, make_time(2027, 1, 1))
              .findings.empty());
    CHECK(run_rule("device.chain-too-large", nullptr, {"demo/devices/device-1.pem"},
                   {{"max-bytes", 500}}, make_time(2027, 1, 1))
              .ids()
          == std::vector<std::string>{"device.chain-too-large"});
}

TEST_CASE("device.chain-too-large is silent for a P-256 chain", "[rule][device.chain-too-large]") {
    const auto r = run_rule("device.chain-too-large", nullptr, {"demo/devices/device-1.pem"}, {},
                            make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::chain_too_large_test
