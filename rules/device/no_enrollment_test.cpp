#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::no_enrollment_test {

using namespace dpslint::test;

TEST_CASE("device.no-enrollment fires for a device from an unknown CA",
          "[rule][device.no-enrollment]") {
    const Snapshot s = demo_snapshot();
    const std::string file = "demo/devices/rogue-device.pem";
    const auto r = run_rule("device.no-enrollment", &s, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.no-enrollment"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=rogue-device");
    CHECK(f.location.registration_id == "rogue-device");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK_THAT(f.message, Catch::Contains("registration ID 'rogue-device'"));
}

TEST_CASE("device.no-enrollment says when no issuer is known", "[rule][device.no-enrollment]") {
    // customer-a-0002 presents no intermediate and its CA is not uploaded to the demo DPS.
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("device.no-enrollment", &s, {"demo/devices/customer-a-0002.pem"}, {},
                            make_time(2027, 1, 1));
    REQUIRE(r.ids() == std::vector<std::string>{"device.no-enrollment"});
    CHECK_THAT(r.findings[0].message, Catch::Contains("presents no issuer"));
}

TEST_CASE("device.no-enrollment is silent for enrolled devices", "[rule][device.no-enrollment]") {
    Snapshot s = demo_snapshot();
    // A disabled individual enrollment blocks but is still an enrollment.
    s.individuals->push_back(x509_individual("device-2", certificate("demo/devices/device-2.pem")));
    s.individuals->back().settings.enabled = false;
    renumber(s);
    const auto r = run_rule("device.no-enrollment", &s,
                            {"demo/devices/device-1.pem", "demo/devices/device-2.pem"}, {},
                            make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::no_enrollment_test
