// The configuration diff, the transition classification and the lint comparison of `dpslint
// diff`, on the demo snapshot and copies of it changed in memory.
#include <algorithm>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/diff/config_diff.hpp"
#include "dpslint/diff/impact.hpp"
#include "dpslint/diff/policy.hpp"
#include "dpslint/snapshot.hpp"

#include "dpslint_rules/registry.hpp"
#include "support/diff_harness.hpp"
#include "support/testdata.hpp"

namespace diff_test {

using namespace dpslint;
using namespace dpslint::diff;
using dpslint::test::provisioned_through;

namespace {

const CryptoBackend& diff_backend() {
    static const std::unique_ptr<CryptoBackend> instance = make_openssl_backend();
    return *instance;
}

Snapshot demo_snapshot() {
    return load_snapshot(test::testdata("demo/snapshot"), diff_backend());
}

std::vector<std::string> change_list(const ConfigDiff& d) {
    std::vector<std::string> out;
    for (const auto& c : d.changes) {
        std::string line =
            std::string(to_string(c.kind)) + " " + c.id + " " + std::string(to_string(c.change));
        for (const auto& f : c.fields)
            line += " " + f.path;
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("config diff: a snapshot against itself has no change", "[diff]") {
    const Snapshot s = demo_snapshot();
    CHECK(diff_config(s, s).changes.empty());
}

TEST_CASE("config diff: etags, timestamps and order are not changes", "[diff]") {
    const Snapshot before = demo_snapshot();
    Snapshot after = demo_snapshot();
    for (auto& g : after.groups) {
        g.settings.etag = "\"another\"";
        g.settings.last_updated = TimePoint{};
        g.settings.created = TimePoint{};
        g.settings.source.pointer = "/99";  // another position in the file
        std::reverse(g.settings.iot_hubs.begin(), g.settings.iot_hubs.end());
    }
    std::reverse(after.groups.begin(), after.groups.end());
    for (auto& c : *after.certificates) {
        c.etag = "\"x\"";
        c.updated = TimePoint{};
        // Another spelling of the same thumbprint.
        std::transform(c.thumbprint.begin(), c.thumbprint.end(), c.thumbprint.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    }
    std::reverse(after.certificates->begin(), after.certificates->end());
    std::reverse(after.linked_hubs->begin(), after.linked_hubs->end());
    for (auto& i : *after.individuals)
        i.settings.etag = "\"y\"";
    // Group ids are case-insensitive in DPS.
    for (auto& g : after.groups) {
        if (g.id == "my-device-group")
            g.id = "MY-DEVICE-GROUP";
    }
    const auto changes = change_list(diff_config(before, after));
    for (const auto& c : changes)
        INFO(c);
    CHECK(changes == std::vector<std::string>{});
}

TEST_CASE("config diff: field by field, added and removed entities", "[diff]") {
    const Snapshot before = demo_snapshot();
    Snapshot after = demo_snapshot();
    auto& group = after.groups.front();
    REQUIRE(group.id == "my-device-group");
    group.settings.enabled = false;
    group.settings.allocation_policy = AllocationPolicy::geo_latency;
    (*group.settings.initial_twin)["properties"]["desired"]["firmware"] = "1.1.0";
    group.settings.reprovision_policy->migrate_device_data = false;
    after.certificates->erase(after.certificates->begin());  // my-root-ca
    after.linked_hubs->front().allocation_weight = 5;
    after.individuals->push_back(after.individuals->front());
    after.individuals->back().registration_id = "new-device";
    after.service->allocation_policy = AllocationPolicy::static_hub;

    const ConfigDiff d = diff_config(before, after);
    CHECK(change_list(d)
          == std::vector<std::string>{
              "dps my-dps-x509 changed /properties/allocationPolicy",
              "hub contoso-hub-eastus.azure-devices.net changed /allocationWeight",
              "ca my-root-ca removed /properties/thumbprint /properties/isVerified "
              "/properties/subject /properties/expiry",
              "group my-device-group changed /provisioningStatus /allocationPolicy "
              "/reprovisionPolicy/migrateDeviceData /initialTwin/properties/desired/firmware",
              "individual new-device added /attestation/type "
              "/attestation/x509/clientCertificates/primary/sha1Thumbprint "
              "/attestation/x509/clientCertificates/primary/sha256Thumbprint "
              "/provisioningStatus /reprovisionPolicy/updateHubAssignment "
              "/reprovisionPolicy/migrateDeviceData /capabilities/iotEdge"});
    const EntityChange* g = d.find(EntityKind::group, "My-Device-Group");
    REQUIRE(g != nullptr);
    CHECK(g->fields[0].before == nlohmann::json("enabled"));
    CHECK(g->fields[0].after == nlohmann::json("disabled"));
    CHECK(g->fields[3].before == nlohmann::json("1.0.0"));
    CHECK(field_pointer(*g->before, g->fields[0].path) == "/0/provisioningStatus");
    const EntityChange* removed = d.find(EntityKind::ca, "my-root-ca");
    REQUIRE(removed != nullptr);
    CHECK(removed->before.has_value());
    CHECK_FALSE(removed->after.has_value());
    CHECK_FALSE(removed->fields[0].after.has_value());
}

TEST_CASE("transitions: decisions first, then what changes for a provisioned device", "[diff]") {
    const auto base = provisioned_through("g");
    AttestationResult blocked;
    blocked.decision = Decision::blocked;
    AttestationResult rejected;
    rejected.decision = Decision::rejected;

    CHECK(compare_decisions(base, base).transition == Transition::unchanged);
    CHECK(compare_decisions(base, blocked).transition == Transition::provisioned_to_blocked);
    CHECK(compare_decisions(base, rejected).transition == Transition::provisioned_to_rejected);
    CHECK(compare_decisions(blocked, base).transition == Transition::blocked_to_provisioned);
    CHECK(compare_decisions(rejected, base).transition == Transition::rejected_to_provisioned);
    CHECK(compare_decisions(blocked, rejected).transition == Transition::blocked_to_rejected);
    CHECK(compare_decisions(blocked, blocked).transition == Transition::unchanged);

    auto other = provisioned_through("G");  // ids compare ignoring case
    CHECK(compare_decisions(base, other).transition == Transition::unchanged);
    other = provisioned_through("h");
    CHECK(compare_decisions(base, other).transition == Transition::enrollment_changed);

    auto hubs = base;
    std::reverse(hubs.hubs.begin(), hubs.hubs.end());  // the same set
    CHECK(compare_decisions(base, hubs).transition == Transition::unchanged);
    hubs.hubs.pop_back();
    CHECK(compare_decisions(base, hubs).transition == Transition::hubs_changed);
    auto policy = base;
    policy.allocation_policy = AllocationPolicy::geo_latency;
    CHECK(compare_decisions(base, policy).transition == Transition::hubs_changed);

    const nlohmann::json twin_a{{"tags", {{"a", 1}}}};
    const nlohmann::json twin_b{{"tags", {{"a", 2}}}};
    auto with_a = base;
    with_a.initial_twin = &twin_a;
    auto with_b = base;
    with_b.initial_twin = &twin_b;
    CHECK(compare_decisions(with_a, with_b).transition == Transition::twin_changed);
    CHECK(compare_decisions(base, with_a).transition == Transition::twin_changed);

    auto reprovision = base;
    reprovision.reprovision_policy->migrate_device_data = false;
    CHECK(compare_decisions(base, reprovision).transition == Transition::reprovision_changed);
    auto edge = base;
    edge.iot_edge = true;
    CHECK(compare_decisions(base, edge).transition == Transition::capabilities_changed);

    // Several aspects at once: the transition is the most important, every aspect is kept.
    auto many = provisioned_through("h");
    many.initial_twin = &twin_a;
    many.iot_edge = true;
    const auto c = compare_decisions(base, many);
    CHECK(c.transition == Transition::enrollment_changed);
    CHECK(c.aspects.enrollment);
    CHECK(c.aspects.twin);
    CHECK(c.aspects.capabilities);
    CHECK_FALSE(c.aspects.hubs);
}

TEST_CASE("lint comparison: by rule and entity, not by position", "[diff]") {
    Finding a;
    a.id = "enrollment.disabled";
    a.severity = Severity::notice;
    a.message = "group 'g' is disabled";
    a.location.file = "before/enrollment-groups.json";
    a.location.json_pointer = "/0/provisioningStatus";
    a.location.enrollment_kind = "group";
    a.location.enrollment_id = "g";
    Finding moved = a;
    moved.location.file = "after/enrollment-groups.json";
    moved.location.json_pointer = "/3/provisioningStatus";
    Finding other = a;
    other.location.enrollment_id = "h";
    Finding status;
    status.id = "config.suppression-unused";

    auto c = compare_lint({a, status}, {moved});
    CHECK(c.introduced.empty());
    CHECK(c.fixed.empty());
    c = compare_lint({a}, {moved, other});
    REQUIRE(c.introduced.size() == 1);
    CHECK(c.introduced[0].location.enrollment_id == "h");
    c = compare_lint({a, other}, {});
    CHECK(c.fixed.size() == 2);
    CHECK(finding_identity(a) == finding_identity(moved));
    CHECK(finding_identity(a) != finding_identity(other));
}

TEST_CASE("diff rules: in the registry, stable ids, with citations a user can open", "[diff]") {
    std::vector<std::string> ids;
    for (const auto* rule : rules::registry()) {
        if (rule->metadata().category != "diff")
            continue;
        ids.push_back(rule->metadata().id);
        CHECK(rule->metadata().citation.rfind("https://learn.microsoft.com/", 0) == 0);
        CHECK(rule->metadata().needs == std::vector<lint::InputPart>{lint::InputPart::change});
    }
    CHECK(ids
          == std::vector<std::string>{"diff.devices-change-enrollment", "diff.devices-change-hub",
                                      "diff.devices-change-reprovision", "diff.devices-change-twin",
                                      "diff.devices-gain-provisioning",
                                      "diff.devices-lose-provisioning", "diff.expected-loss",
                                      "diff.group-moved-to-root"});
}

}  // namespace diff_test
