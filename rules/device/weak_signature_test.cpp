#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::weak_signature_test {

using namespace dpslint::test;

TEST_CASE("device.weak-signature fires for SHA-1 and MD5 signatures",
          "[rule][device.weak-signature]") {
    const std::string sha1 = "pki/leaves/sha1-signature.pem";
    const std::string md5 = "pki/leaves/md5-signature.pem";
    const auto r =
        run_rule("device.weak-signature", nullptr, {sha1, md5}, {}, make_time(2030, 6, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.weak-signature", "device.weak-signature"});
    // Findings are sorted by file.
    CHECK(r.findings[0].location.file == md5);
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.subject == "CN=md5-signature");
    CHECK(r.findings[0].location.sha256 == certificate(md5)->sha256());
    CHECK_THAT(r.findings[0].message, Catch::Contains("md5"));
    CHECK(r.findings[1].location.file == sha1);
    CHECK_THAT(r.findings[1].message, Catch::Contains("sha1"));
}

TEST_CASE("device.weak-signature is silent for SHA-2 and Ed25519 signatures",
          "[rule][device.weak-signature]") {
    const auto r = run_rule("device.weak-signature", nullptr,
                            {"pki/leaves/valid-p256.pem", "pki/leaves/valid-ed25519.pem"}, {},
                            make_time(2030, 6, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::weak_signature_test
