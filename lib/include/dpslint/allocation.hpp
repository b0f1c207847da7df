#pragma once

// How DPS allocates a device of an enrollment to an IoT hub: the effective policy and the hub set.
// The one implementation the attestation simulator and every allocation.* lint rule use, so the
// two can never disagree about where a device goes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/snapshot.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

struct EffectivePolicy {
    AllocationPolicy policy = AllocationPolicy::hashed;
    bool from_service = false;  // allocationPolicy absent: the service default applies
    bool from_legacy = false;   // allocationPolicy absent, iotHubHostName set: static
};
EffectivePolicy effective_allocation_policy(const Snapshot& snapshot,
                                            const EnrollmentSettings& settings);

// A hub the enrollment names: iotHubs[i], or the legacy iotHubHostName when iotHubs is empty.
struct NamedHub {
    std::string name;
    std::string pointer_suffix;  // "/iotHubs/0" or "/iotHubHostName"
};
std::vector<NamedHub> named_hubs(const EnrollmentSettings& settings);

// The linked hub with that host name (case-insensitive), or null.
const LinkedHub* find_linked_hub(const std::vector<LinkedHub>& hubs, std::string_view name);

// The hubs DPS allocates over, when the linked hubs are known: the named hubs that are linked
// (each once: the enrollment names a set of hubs, naming one twice does not weigh it twice), or,
// when none is named, every linked hub with applyAllocationPolicy true.
std::vector<const LinkedHub*> eligible_hubs(const std::vector<LinkedHub>& linked,
                                            const EnrollmentSettings& settings);

// Where DPS could send a device provisioned through an enrollment.
struct Allocation {
    AllocationPolicy policy = AllocationPolicy::hashed;
    bool policy_from_service = false;   // the enrollment sets none: the service default applies
    std::vector<HubCandidate> hubs;     // the hubs allocation chooses among
    std::optional<std::string> chosen;  // determined only for static with one hub
    bool no_eligible_hub = false;       // linked hubs are known and none is eligible
    std::vector<Finding> findings;      // attestation.hub-not-linked, attestation.no-eligible-hub
};

// When the linked hubs are unknown (not exported), the named hubs are the candidates, unlinked.
Allocation allocate(const Snapshot& snapshot, const EnrollmentSettings& settings);

}  // namespace dpslint
DPSLINT_API_END
