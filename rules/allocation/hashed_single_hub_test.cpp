#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::hashed_single_hub_test {

using namespace dpslint::test;

TEST_CASE("allocation.hashed-single-hub fires for hashed over one named hub",
          "[rule][allocation.hashed-single-hub]") {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::hashed;
    s.groups[0].settings.iot_hubs = {"hub-eastus.azure-devices.net"};
    const auto r = run_rule("allocation.hashed-single-hub", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.hashed-single-hub"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/allocationPolicy");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::notice);
}

TEST_CASE("allocation.hashed-single-hub fires for the hashed default over one participating hub",
          "[rule][allocation.hashed-single-hub]") {
    Snapshot s = demo_snapshot();
    (*s.linked_hubs)[1].apply_allocation_policy = false;
    const auto r = run_rule("allocation.hashed-single-hub", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.json_pointer == "/0");
    CHECK_THAT(r.findings[0].message, Catch::Contains("service default"));
}

TEST_CASE("allocation.hashed-single-hub is silent for hashed over two hubs",
          "[rule][allocation.hashed-single-hub]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("allocation.hashed-single-hub", &s);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE(
    "allocation.hashed-single-hub ignores disabled individual enrollments (blocklist entries)",
    "[rule][allocation.hashed-single-hub]") {
    // A blocklist entry never allocates; az writes allocationPolicy 'hashed' on it anyway.
    Snapshot s = demo_snapshot();
    (*s.linked_hubs)[1].apply_allocation_policy = false;
    s.groups.clear();
    auto blocked = x509_individual("device-001", certificate("demo/devices/device-001.pem"));
    blocked.settings.allocation_policy = AllocationPolicy::hashed;
    blocked.settings.enabled = false;
    blocked.settings.provisioning_status_raw = "disabled";
    s.individuals->push_back(blocked);
    renumber(s);
    CHECK(run_rule("allocation.hashed-single-hub", &s).findings.empty());

    (*s.individuals)[0].settings.enabled = true;  // the same entry enabled does allocate
    CHECK(run_rule("allocation.hashed-single-hub", &s).findings.size() == 1);
}

}  // namespace dpslint::rules::allocation::hashed_single_hub_test
