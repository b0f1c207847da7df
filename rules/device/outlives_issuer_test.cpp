#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

using namespace dpslint;
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
    CHECK_THAT(f.message, Catch::Contains("valid until 2040-01-01")
                              && Catch::Contains("dpslint Rule Test Intermediate CA")
                              && Catch::Contains("expires on 2035-01-01"));
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
    CHECK_THAT(r.findings[0].message, Catch::Contains("expires on 2035-01-01"));
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
