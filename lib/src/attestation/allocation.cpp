#include "dpslint/allocation.hpp"

#include <algorithm>

#include "dpslint/finding_catalogue.hpp"
#include "dpslint/identifiers.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint {

namespace {

HubCandidate candidate(const LinkedHub& hub) {
    return HubCandidate{hub.name, hub.location, hub.weight(), true};
}

}  // namespace

EffectivePolicy effective_allocation_policy(const Snapshot& snapshot,
                                            const EnrollmentSettings& settings) {
    EffectivePolicy out;
    if (settings.allocation_policy) {
        out.policy = *settings.allocation_policy;
    } else if (!settings.iot_hub_host_name.empty()) {
        out.policy = AllocationPolicy::static_hub;  // the legacy iotHubHostName implies static
        out.from_legacy = true;
    } else {
        out.policy = snapshot.default_allocation_policy();
        out.from_service = true;
    }
    return out;
}

std::vector<NamedHub> named_hubs(const EnrollmentSettings& settings) {
    std::vector<NamedHub> out;
    for (std::size_t i = 0; i < settings.iot_hubs.size(); ++i)
        out.push_back(NamedHub{settings.iot_hubs[i], "/iotHubs/" + std::to_string(i)});
    if (out.empty() && !settings.iot_hub_host_name.empty())
        out.push_back(NamedHub{settings.iot_hub_host_name, "/iotHubHostName"});
    return out;
}

const LinkedHub* find_linked_hub(const std::vector<LinkedHub>& hubs, std::string_view name) {
    const auto it = std::find_if(hubs.begin(), hubs.end(),
                                 [&](const LinkedHub& h) { return iequals(h.name, name); });
    return it == hubs.end() ? nullptr : &*it;
}

std::vector<const LinkedHub*> eligible_hubs(const std::vector<LinkedHub>& linked,
                                            const EnrollmentSettings& settings) {
    std::vector<const LinkedHub*> out;
    const auto named = named_hubs(settings);
    if (!named.empty()) {
        // A hub named on the enrollment is eligible even with applyAllocationPolicy false.
        for (const auto& hub : named) {
            const LinkedHub* found = find_linked_hub(linked, hub.name);
            if (found != nullptr && std::find(out.begin(), out.end(), found) == out.end())
                out.push_back(found);
        }
        return out;
    }
    for (const auto& hub : linked) {
        if (hub.applies_allocation_policy())
            out.push_back(&hub);
    }
    return out;
}

Allocation allocate(const Snapshot& snapshot, const EnrollmentSettings& settings) {
    Allocation out;
    const EffectivePolicy effective = effective_allocation_policy(snapshot, settings);
    out.policy = effective.policy;
    out.policy_from_service = effective.from_service;

    const auto named = named_hubs(settings);
    const std::vector<LinkedHub>* linked = snapshot.known_linked_hubs();
    if (linked == nullptr) {
        // Nothing to check the names against: every distinct named hub is a candidate.
        for (const auto& hub : named) {
            const bool seen =
                std::any_of(out.hubs.begin(), out.hubs.end(),
                            [&](const HubCandidate& c) { return iequals(c.name, hub.name); });
            if (!seen)
                out.hubs.push_back(HubCandidate{hub.name, "", 1, false});
        }
    } else {
        for (const auto& hub : named) {
            if (find_linked_hub(*linked, hub.name) == nullptr) {
                out.findings.push_back(
                    make_finding(attestation_finding::hub_not_linked,
                                 "IoT hub " + quote_input(hub.name)
                                     + " named by the enrollment is not linked to "
                                       "this DPS instance"));
            }
        }
        for (const LinkedHub* hub : eligible_hubs(*linked, settings))
            out.hubs.push_back(candidate(*hub));
    }

    if (out.hubs.empty() && (linked != nullptr || !named.empty())) {
        out.no_eligible_hub = true;
        out.findings.push_back(make_finding(attestation_finding::no_eligible_hub,
                                            named.empty()
                                                ? "no linked IoT hub takes part in allocation "
                                                  "(none linked, or all have "
                                                  "applyAllocationPolicy=false)"
                                                : "none of the IoT hubs the enrollment names "
                                                  "is linked"));
    }
    if (out.policy == AllocationPolicy::static_hub && out.hubs.size() == 1)
        out.chosen = out.hubs.front().name;
    return out;
}

}  // namespace dpslint
