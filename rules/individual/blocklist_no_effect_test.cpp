#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::blocklist_no_effect_test {

using namespace dpslint::test;

namespace {
IndividualEnrollment block(const std::string& registration_id) {
    IndividualEnrollment ie = symmetric_key_individual(registration_id);
    ie.settings.enabled = false;
    ie.settings.provisioning_status_raw = "disabled";
    return ie;
}
}  // namespace

TEST_CASE("individual.blocklist-no-effect fires when no given device has the registration ID",
          "[rule][individual.blocklist-no-effect]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(block("device-01"));  // the certificate's CN is device-001
    renumber(s);
    const auto r = run_rule("individual.blocklist-no-effect", &s, {"demo/devices/device-001.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.blocklist-no-effect"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0/provisioningStatus");
    CHECK(f.location.enrollment_id == "device-01");
    CHECK_THAT(f.message, Catch::Contains("blocks nothing"));
}

TEST_CASE("individual.blocklist-no-effect fires when no enabled group would admit the device",
          "[rule][individual.blocklist-no-effect]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(block("rogue-device"));
    s.individuals->push_back(block("DEVICE-1"));
    s.groups[0].settings.enabled = false;
    s.groups[0].settings.provisioning_status_raw = "disabled";
    renumber(s);
    const auto r = run_rule("individual.blocklist-no-effect", &s,
                            {"demo/devices/rogue-device.pem", "demo/devices/device-1.pem"});
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].location.enrollment_id == "rogue-device");
    CHECK_THAT(r.findings[0].message, Catch::Contains("no enrollment group uses"));
    CHECK(r.findings[1].location.enrollment_id == "DEVICE-1");
    CHECK_THAT(r.findings[1].message, Catch::Contains("'fleet', is disabled"));
}

TEST_CASE("individual.blocklist-no-effect is silent for a block on a group's device",
          "[rule][individual.blocklist-no-effect]") {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(block("device-1"));
    renumber(s);
    const auto r = run_rule("individual.blocklist-no-effect", &s, {"demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::blocklist_no_effect_test
