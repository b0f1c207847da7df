#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::eku_no_client_auth_test {

using namespace dpslint::test;

TEST_CASE("device.eku-no-client-auth fires for a serverAuth-only device certificate",
          "[rule][device.eku-no-client-auth]") {
    const std::string file = "pki/leaves/eku-server-auth.pem";
    const auto r =
        run_rule("device.eku-no-client-auth", nullptr, {file}, {}, make_time(2030, 6, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.eku-no-client-auth"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::notice);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=eku-server-auth");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("(serverAuth)"));
}

TEST_CASE("device.eku-no-client-auth is silent for clientAuth, anyExtendedKeyUsage or no EKU",
          "[rule][device.eku-no-client-auth]") {
    const auto r = run_rule("device.eku-no-client-auth", nullptr,
                            {"pki/leaves/valid-p256.pem", "pki/leaves/valid-any-eku.pem",
                             "pki/leaves/valid-no-eku.pem"},
                            {}, make_time(2030, 6, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::eku_no_client_auth_test
