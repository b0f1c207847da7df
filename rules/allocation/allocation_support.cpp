#include "allocation/allocation_support.hpp"

#include <algorithm>
#include <cctype>

#include "dpslint/identifiers.hpp"

namespace dpslint::rules::allocation_detail {

Location EnrollmentEntry::location() const {
    Location l;
    l.file = settings->source.file;
    l.json_pointer = settings->source.pointer;
    l.enrollment_kind = kind;
    l.enrollment_id = id;
    return l;
}

Location EnrollmentEntry::location(std::string_view suffix) const {
    Location l = location();
    l.json_pointer += suffix;
    return l;
}

std::string EnrollmentEntry::describe() const {
    return (kind == "group" ? "enrollment group '" : "individual enrollment '") + id + "'";
}

std::vector<EnrollmentEntry> all_enrollments(const Snapshot& snapshot) {
    std::vector<EnrollmentEntry> out;
    for (const auto& group : snapshot.groups)
        out.push_back(EnrollmentEntry{&group.settings, "group", group.id});
    if (snapshot.individuals) {
        for (const auto& individual : *snapshot.individuals) {
            // A disabled individual enrollment is a blocklist entry: it blocks its device and
            // never allocates, so its allocation settings are never used.
            if (!individual.settings.enabled)
                continue;
            out.push_back(
                EnrollmentEntry{&individual.settings, "individual", individual.registration_id});
        }
    }
    return out;
}

EffectivePolicy effective_policy(const Snapshot& snapshot, const EnrollmentSettings& settings) {
    EffectivePolicy out;
    if (settings.allocation_policy) {
        out.policy = *settings.allocation_policy;
    } else if (!settings.iot_hub_host_name.empty()) {
        out.policy = AllocationPolicy::static_hub;
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

std::string normalized_location(std::string_view location) {
    std::string out;
    for (const char c : location) {
        if (c != ' ')
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::string join_list(const std::vector<std::string>& names, std::size_t shown) {
    std::string out;
    const std::size_t n = std::min(names.size(), shown);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0)
            out += (i + 1 == n && names.size() <= shown) ? " and " : ", ";
        out += names[i];
    }
    if (names.size() > shown)
        out += " and " + std::to_string(names.size() - shown) + " more";
    return out;
}

}  // namespace dpslint::rules::allocation_detail
