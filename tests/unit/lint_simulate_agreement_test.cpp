// lint and simulate must never disagree about a device: the group DPS provisions it through and
// the hubs it may land on are computed once (dpslint/enrollment_matching.hpp,
// dpslint/allocation.hpp) and this test holds both commands to that over every committed
// snapshot and device: the demo, the golden lint snapshot and the rule fixtures.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "dpslint/allocation.hpp"
#include "dpslint/enrollment_matching.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/thumbprint.hpp"

#include "enrollment/enrollment_support.hpp"
#include "support/rule_harness.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace lint_simulate_agreement_test {

namespace {

const TimePoint at = make_time(2026, 12, 1);

// Every device file of a testdata folder (not recursive: ca/ folders hold issuers).
std::vector<std::string> device_files(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& entry :
         std::filesystem::directory_iterator(source_dir() / "testdata" / folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".pem")
            out.push_back(folder + "/" + entry.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> all_devices() {
    std::vector<std::string> out;
    for (const char* folder : {"demo/devices", "demo/revocation/devices", "rules/device"}) {
        const auto files = device_files(folder);
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

Device device(const std::string& file) {
    const auto certs = certificates(file);
    return Device{file, certs.front(), {certs.begin() + 1, certs.end()}};
}

std::vector<std::string> names(const std::vector<HubCandidate>& hubs) {
    std::vector<std::string> out;
    for (const auto& hub : hubs)
        out.push_back(hub.name);
    return out;
}

std::vector<std::string> names(const std::vector<const LinkedHub*>& hubs) {
    std::vector<std::string> out;
    for (const auto* hub : hubs)
        out.push_back(hub->name);
    return out;
}

bool walked_to_no_group(const AttestationResult& result) {
    return std::any_of(result.findings.begin(), result.findings.end(),
                       [](const Finding& f) { return f.id == "attestation.no-enrollment"; });
}

const EnrollmentSettings* deciding_settings(const lint::LintContext& context,
                                            const AttestationResult& result) {
    if (!result.enrollment)
        return nullptr;
    if (result.enrollment->kind == "group") {
        const auto* view = context.group(result.enrollment->id);
        return view != nullptr ? &view->group->settings : nullptr;
    }
    const auto* individual = find_individual(*context.snapshot(), result.enrollment->id);
    return individual != nullptr ? &individual->settings : nullptr;
}

// Returns how many devices the snapshot decided through a group (so the test proves it compared
// something).
std::size_t check_agreement(const Snapshot& snapshot) {
    lint::LintContext context(at, backend(), &snapshot);
    const auto files = all_devices();
    REQUIRE(!files.empty());
    for (std::size_t i = 0; i < files.size(); ++i)
        context.add_device(device(files[i]), 0);

    std::size_t through_groups = 0;
    for (const auto& d : context.devices()) {
        INFO("device " << d.device.file);
        REQUIRE(d.attestation);
        const AttestationResult& simulated = *d.attestation;

        // The group lint's rules consider deciding is the one simulate decides through.
        const auto lint_group =
            context.deciding_group(rules::enrollment::chain_above_leaf(simulated));
        if (simulated.enrollment && simulated.enrollment->kind == "group") {
            ++through_groups;
            REQUIRE(lint_group.group != nullptr);
            CHECK(lint_group.group->group->id == simulated.enrollment->id);
        } else if (!simulated.enrollment && walked_to_no_group(simulated)) {
            // (A device rejected earlier, e.g. for its registration ID, never reached the walk.)
            CHECK(lint_group.group == nullptr);
        }

        // The hubs simulate allocates over are those the allocation rules reason about.
        if (simulated.decision != Decision::provisioned)
            continue;
        const EnrollmentSettings* settings = deciding_settings(context, simulated);
        REQUIRE(settings != nullptr);
        const Allocation allocation = allocate(snapshot, *settings);
        CHECK(names(allocation.hubs) == names(simulated.hubs));
        CHECK(allocation.chosen == simulated.chosen_hub);
        CHECK(effective_allocation_policy(snapshot, *settings).policy
              == simulated.allocation_policy);
        if (const auto* linked = snapshot.known_linked_hubs())
            CHECK(names(eligible_hubs(*linked, *settings)) == names(simulated.hubs));
    }
    return through_groups;
}

}  // namespace

TEST_CASE("lint and simulate agree on the demo snapshot", "[agreement]") {
    const Snapshot snapshot = testdata_snapshot("demo/snapshot");
    CHECK(check_agreement(snapshot) > 0);
}

TEST_CASE("lint and simulate agree on the demo revocation snapshot", "[agreement]") {
    const Snapshot snapshot = testdata_snapshot("demo/revocation/snapshot");
    check_agreement(snapshot);
}

TEST_CASE("lint and simulate agree on the golden lint snapshot", "[agreement]") {
    const Snapshot snapshot = testdata_snapshot("lint/broken-snapshot");
    check_agreement(snapshot);
}

TEST_CASE("lint and simulate agree on the rule fixture snapshot", "[agreement]") {
    Snapshot snapshot = demo_snapshot();
    renumber(snapshot);
    CHECK(check_agreement(snapshot) > 0);
}

TEST_CASE("naming one hub twice makes it one candidate, in lint and simulate", "[agreement]") {
    Snapshot snapshot = demo_snapshot();
    snapshot.groups.front().settings.allocation_policy = AllocationPolicy::hashed;
    snapshot.groups.front().settings.iot_hubs = {"hub-eastus.azure-devices.net",
                                                 "HUB-EASTUS.azure-devices.net"};
    renumber(snapshot);
    const auto& settings = snapshot.groups.front().settings;
    const Allocation allocation = allocate(snapshot, settings);
    REQUIRE(allocation.hubs.size() == 1);
    CHECK(allocation.hubs.front().name == "hub-eastus.azure-devices.net");
    CHECK(eligible_hubs(*snapshot.known_linked_hubs(), settings).size() == 1);
    CHECK(check_agreement(snapshot) > 0);
}

TEST_CASE("thumbprints compare in any export spelling", "[agreement]") {
    CHECK(normalize_thumbprint("ab:cd ef") == "ABCDEF");
    CHECK(same_thumbprint("AB:CD:EF", "abcdef"));
    CHECK_FALSE(same_thumbprint("", ""));
    CHECK_FALSE(same_thumbprint("abcdef", "abcdee"));
}

}  // namespace lint_simulate_agreement_test
