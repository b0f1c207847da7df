#pragma once

// What the allocation.* rules share: every enrollment of a snapshot with its location, the
// effective allocation policy and the hub set DPS allocates over.

#include <string>
#include <string_view>
#include <vector>

#include "dpslint/finding.hpp"
#include "dpslint/snapshot.hpp"

namespace dpslint::rules::allocation_detail {

// One enrollment group or individual enrollment.
struct EnrollmentEntry {
    const EnrollmentSettings* settings = nullptr;
    std::string kind;  // "group" | "individual"
    std::string id;    // enrollmentGroupId or registrationId

    Location location() const;                         // the entry: file, JSON pointer, kind, id
    Location location(std::string_view suffix) const;  // the entry pointer + suffix
    std::string describe() const;                      // "enrollment group 'fleet'"
};

// Every enrollment that can allocate a device: groups first, then the enabled individual
// enrollments (when enrollments.json was exported), export order. Disabled individual
// enrollments (blocklist entries) never allocate and are left out.
std::vector<EnrollmentEntry> all_enrollments(const Snapshot& snapshot);

struct EffectivePolicy {
    AllocationPolicy policy = AllocationPolicy::hashed;
    bool from_service = false;  // allocationPolicy absent: the service default applies
    bool from_legacy = false;   // allocationPolicy absent, iotHubHostName set: static
};
EffectivePolicy effective_policy(const Snapshot& snapshot, const EnrollmentSettings& settings);

// A hub the enrollment names: iotHubs[i], or the legacy iotHubHostName when iotHubs is empty.
struct NamedHub {
    std::string name;
    std::string pointer_suffix;  // "/iotHubs/0" or "/iotHubHostName"
};
std::vector<NamedHub> named_hubs(const EnrollmentSettings& settings);

// The linked hub with that host name (case-insensitive), or null.
const LinkedHub* find_linked_hub(const std::vector<LinkedHub>& hubs, std::string_view name);

// The hubs DPS allocates over, when the linked hubs are known: the named hubs that are linked,
// or, when none is named, every linked hub with applyAllocationPolicy true.
std::vector<const LinkedHub*> eligible_hubs(const std::vector<LinkedHub>& linked,
                                            const EnrollmentSettings& settings);

// "eastus" for "East US": ARM locations compared without case and spaces.
std::string normalized_location(std::string_view location);

// "a, b and 3 more" (at most `shown` items).
std::string join_list(const std::vector<std::string>& names, std::size_t shown = 5);

}  // namespace dpslint::rules::allocation_detail
