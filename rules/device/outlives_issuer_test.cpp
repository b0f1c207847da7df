#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::outlives_issuer_test {

using namespace dpslint::test;

TEST_CASE("device.outlives-issuer fires against the presented intermediate",
          "[rule][device.outlives-issuer]") {
    const std::string file = "rules/device/outlives-issuer.pem";
    const auto r = run_rule("device.outlives-issuer", nullptr, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.outlives-issuer"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=outlives-issuer");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("valid until 2040-01-01T00:00:00Z")
                              && Catch::Contains("dpslint Rule Test Intermediate CA")
                              && Catch::Contains("expires at 2035-01-01T00:00:00Z"));
}

TEST_CASE("device.outlives-issuer finds the issuer in the chain DPS walks",
          "[rule][device.outlives-issuer]") {
    // The device presents only its certificate; DPS completes the chain from uploaded CAs.
    Snapshot s = empty_snapshot();
    s.ca_files.push_back(ca_file(certificate("rules/device/ca/root.pem")));
    s.ca_files.push_back(ca_file(certificate("rules/device/ca/intermediate.pem")));
    const std::string file = "rules/device/outlives-issuer-leaf-only.pem";
    const auto r = run_rule("device.outlives-issuer", &s, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.ids() == std::vector<std::string>{"device.outlives-issuer"});
    CHECK(r.findings[0].location.file == file);
}

TEST_CASE("device.outlives-issuer finds the issuer among the snapshot's group certificates",
          "[rule][device.outlives-issuer]") {
    // No uploaded CA files: only the inline signing certificate of a group knows the issuer.
    Snapshot s = empty_snapshot();
    s.groups.push_back(inline_group("inline", certificate("rules/device/ca/intermediate.pem")));
    renumber(s);
    const std::string file = "rules/device/outlives-issuer-leaf-only.pem";
    const auto r = run_rule("device.outlives-issuer", &s, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.ids() == std::vector<std::string>{"device.outlives-issuer"});
    CHECK_THAT(r.findings[0].message, Catch::Contains("expires at 2035-01-01T00:00:00Z"));
}

TEST_CASE("device.outlives-issuer is silent when the issuer lasts longer or is unknown",
          "[rule][device.outlives-issuer]") {
    // device-1 ends 2030, its intermediate 2034; the leaf-only file has no known issuer.
    const auto r =
        run_rule("device.outlives-issuer", nullptr,
                 {"demo/devices/device-1.pem", "rules/device/outlives-issuer-leaf-only.pem"}, {},
                 make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.outlives-issuer tolerates the seconds certGen.sh chains end apart",
          "[rule][device.outlives-issuer]") {
    // certGen.sh issues every certificate with "-days 30" a few seconds after its issuer.
    Snapshot s = empty_snapshot();
    s.ca_files.push_back(
        ca_file(certificate("certgen/sdk-c/certs/azure-iot-test-only.intermediate.cert.pem")));
    const std::string file = "certgen/sdk-c/certs/sensor-int-001-device.cert.pem";
    const TimePoint at = make_time(2026, 11, 10);
    CHECK(run_rule("device.outlives-issuer", &s, {file}, {}, at).findings.empty());

    const auto strict =
        run_rule("device.outlives-issuer", &s, {file}, {{"tolerance-seconds", 0}}, at);
    REQUIRE(strict.ids() == std::vector<std::string>{"device.outlives-issuer"});
    // Both instants to the second: the same date twice said nothing.
    CHECK_THAT(strict.findings[0].message,
               Catch::Contains("valid until 2026-12-02T09:14:23Z, 16 seconds after")
                   && Catch::Contains("expires at 2026-12-02T09:14:07Z"));
}

}  // namespace dpslint::rules::device::outlives_issuer_test
