#include "hub_allocation.hpp"

#include <algorithm>

#include "dpslint/citations.hpp"
#include "dpslint/identifiers.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::detail {

namespace {

const LinkedHub* find_linked(const std::vector<LinkedHub>& hubs, const std::string& name) {
    const auto it = std::find_if(hubs.begin(), hubs.end(),
                                 [&](const LinkedHub& h) { return iequals(h.name, name); });
    return it == hubs.end() ? nullptr : &*it;
}

Finding note(std::string id, Severity severity, std::string message) {
    Finding f;
    f.id = std::move(id);
    f.severity = severity;
    f.message = std::move(message);
    f.citation = std::string(citation::dps_allocation);
    return f;
}

}  // namespace

Allocation allocate(const Snapshot& snapshot, const EnrollmentSettings& settings) {
    Allocation out;
    if (settings.allocation_policy) {
        out.policy = *settings.allocation_policy;
    } else if (!settings.iot_hub_host_name.empty()) {
        out.policy = AllocationPolicy::static_hub;  // the legacy iotHubHostName implies static
    } else {
        out.policy = snapshot.default_allocation_policy();
        out.policy_from_service = true;
    }

    const std::vector<LinkedHub>* known = snapshot.known_linked_hubs();
    const bool hubs_known = known != nullptr;
    const std::vector<LinkedHub> none;
    const std::vector<LinkedHub>& linked = hubs_known ? *known : none;
    std::vector<std::string> named = settings.iot_hubs;
    if (named.empty() && !settings.iot_hub_host_name.empty()) {
        named.push_back(settings.iot_hub_host_name);
    }

    if (!named.empty()) {
        // Hubs named on the enrollment are eligible even with applyAllocationPolicy=false.
        for (const auto& name : named) {
            const LinkedHub* hub = find_linked(linked, name);
            if (hub == nullptr && hubs_known) {
                out.findings.push_back(note("attestation.hub-not-linked", Severity::error,
                                            "IoT hub " + quote_input(name)
                                                + " named by the enrollment is not linked to "
                                                  "this DPS instance"));
                continue;
            }
            out.hubs.push_back(HubCandidate{hub ? hub->name : name, hub ? hub->location : "",
                                            hub ? hub->weight() : 1, hub != nullptr});
        }
    } else {
        for (const auto& hub : linked) {
            if (hub.applies_allocation_policy()) {
                out.hubs.push_back(HubCandidate{hub.name, hub.location, hub.weight(), true});
            }
        }
    }

    if (out.hubs.empty() && (hubs_known || !named.empty())) {
        out.no_eligible_hub = true;
        out.findings.push_back(note("attestation.no-eligible-hub", Severity::error,
                                    named.empty() ? "no linked IoT hub takes part in allocation "
                                                    "(none linked, or all have "
                                                    "applyAllocationPolicy=false)"
                                                  : "none of the IoT hubs the enrollment names "
                                                    "is linked"));
    }
    if (out.policy == AllocationPolicy::static_hub && out.hubs.size() == 1) {
        out.chosen = out.hubs.front().name;
    }
    return out;
}

}  // namespace dpslint::detail
