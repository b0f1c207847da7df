#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/snapshot.hpp"

namespace dpslint::detail {

// Where DPS could send a device provisioned through an enrollment.
struct Allocation {
    AllocationPolicy policy = AllocationPolicy::hashed;
    bool policy_from_service = false;   // the enrollment sets none: the service default applies
    std::vector<HubCandidate> hubs;     // the hubs allocation chooses among
    std::optional<std::string> chosen;  // determined only for static with one hub
    bool no_eligible_hub = false;       // linked hubs are known and none is eligible
    std::vector<Finding> findings;      // attestation.hub-not-linked, attestation.no-eligible-hub
};

Allocation allocate(const Snapshot& snapshot, const EnrollmentSettings& settings);

}  // namespace dpslint::detail
