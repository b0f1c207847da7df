#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::blocked_test {

using namespace dpslint::test;

TEST_CASE("device.blocked fires for a disabled enrollment group", "[rule][device.blocked]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    const std::string file = "demo/devices/device-1.pem";
    const auto r = run_rule("device.blocked", &s, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.blocked"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=device-1");
    CHECK(f.location.registration_id == "device-1");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK(f.location.enrollment_kind == "group");
    CHECK(f.location.enrollment_id == "fleet");
    CHECK_THAT(f.message, Catch::Contains("disabled enrollment group 'fleet'"));
}

TEST_CASE("device.blocked fires for a disabled individual enrollment", "[rule][device.blocked]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(symmetric_key_individual("device-2"));
    s.individuals->back().settings.enabled = false;
    renumber(s);
    const auto r =
        run_rule("device.blocked", &s, {"demo/devices/device-2.pem"}, {}, make_time(2027, 1, 1));
    REQUIRE(r.ids() == std::vector<std::string>{"device.blocked"});
    CHECK(r.findings[0].location.enrollment_kind == "individual");
    CHECK(r.findings[0].location.enrollment_id == "device-2");
    CHECK_THAT(r.findings[0].message, Catch::Contains("disabled individual enrollment 'device-2'"));
}

TEST_CASE("device.blocked is silent for provisioned and rejected devices",
          "[rule][device.blocked]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("device.blocked", &s,
                            {"demo/devices/device-1.pem", "demo/devices/rogue-device.pem"}, {},
                            make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::blocked_test
