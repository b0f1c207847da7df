#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::individual::overrides_group_test {

using namespace dpslint::test;

namespace {
Snapshot with_static_individual() {
    Snapshot s = demo_snapshot();
    s.individuals->push_back(x509_individual("device-1", certificate("demo/devices/device-1.pem")));
    auto& settings = s.individuals->back().settings;
    settings.allocation_policy_raw = "static";
    settings.allocation_policy = AllocationPolicy::static_hub;
    settings.iot_hubs = {"hub-eastus.azure-devices.net"};
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("individual.overrides-group fires for a group's device with other settings",
          "[rule][individual.overrides-group]") {
    const Snapshot s = with_static_individual();
    const auto r = run_rule("individual.overrides-group", &s, {"demo/devices/device-1.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"individual.overrides-group"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == "enrollments.json");
    CHECK(f.location.json_pointer == "/0");
    CHECK(f.location.enrollment_kind == "individual");
    CHECK(f.location.enrollment_id == "device-1");
    CHECK_THAT(f.message, Catch::Contains("'fleet'"));
    CHECK_THAT(f.message, Catch::Contains("allocation policy (static instead of hashed)"));
    CHECK_THAT(f.message, Catch::Contains("IoT hubs"));
}

TEST_CASE("individual.overrides-group finds the group from the enrollment's own certificate",
          "[rule][individual.overrides-group]") {
    Snapshot s = with_static_individual();
    s.individuals->back().settings.initial_twin =
        nlohmann::json{{"tags", {{"site", "lab"}}}, {"properties", {{"desired", {}}}}};
    const auto r = run_rule("individual.overrides-group", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK_THAT(r.findings[0].message, Catch::Contains("initial twin"));
}

TEST_CASE("individual.overrides-group is silent when the settings match or the group is disabled",
          "[rule][individual.overrides-group]") {
    Snapshot same = demo_snapshot();
    same.individuals->push_back(
        x509_individual("device-1", certificate("demo/devices/device-1.pem")));
    same.individuals->back().settings.initial_twin =
        nlohmann::json{{"tags", nlohmann::json::object()}};
    renumber(same);
    const auto r = run_rule("individual.overrides-group", &same, {"demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());

    Snapshot disabled_group = with_static_individual();
    disabled_group.groups[0].settings.enabled = false;
    disabled_group.groups[0].settings.provisioning_status_raw = "disabled";
    CHECK(run_rule("individual.overrides-group", &disabled_group, {"demo/devices/device-1.pem"})
              .findings.empty());
}

TEST_CASE("individual.overrides-group ignores a device whose certificate the enrollment rejects",
          "[rule][individual.overrides-group]") {
    Snapshot s = with_static_individual();
    (*s.individuals)[0].registration_id = "device-2";  // holds device-1's certificate
    const auto r = run_rule("individual.overrides-group", &s, {"demo/devices/device-2.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::individual::overrides_group_test
