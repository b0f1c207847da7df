#include <set>

#include "dpslint/allocation.hpp"
#include "dpslint/enrollment_matching.hpp"

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

// An initial twin with its empty parts dropped, null when nothing is left: an absent twin and
// `{"tags": {}, "properties": {"desired": {}}}` configure the same device.
nlohmann::json effective_twin(const std::optional<nlohmann::json>& twin) {
    if (!twin || !twin->is_object())
        return twin ? *twin : nlohmann::json();
    nlohmann::json out = *twin;
    const auto empty = [](const nlohmann::json& j) {
        return j.is_null() || (j.is_object() && j.empty());
    };
    if (out.contains("properties") && out["properties"].is_object()) {
        auto& properties = out["properties"];
        for (const char* key : {"desired", "reported"}) {
            if (properties.contains(key) && empty(properties[key]))
                properties.erase(key);
        }
    }
    for (const char* key : {"tags", "properties"}) {
        if (out.contains(key) && empty(out[key]))
            out.erase(key);
    }
    return out.empty() ? nlohmann::json() : out;
}

// The hubs an enrollment may use, lower-cased and sorted; empty means all linked hubs.
std::vector<std::string> effective_hubs(const EnrollmentSettings& settings) {
    std::set<std::string> hubs;
    for (const auto& hub : settings.iot_hubs)
        hubs.insert(ascii_lower(hub));
    if (hubs.empty() && !settings.iot_hub_host_name.empty())
        hubs.insert(ascii_lower(settings.iot_hub_host_name));
    return {hubs.begin(), hubs.end()};
}

std::string describe_hubs(const std::vector<std::string>& hubs) {
    if (hubs.empty())
        return "all linked hubs";
    std::vector<std::string> quoted;
    for (const auto& h : hubs)
        quoted.push_back("'" + h + "'");
    return join_and(quoted);
}

class OverridesGroup final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& enrollment : *snapshot.individuals) {
            const auto& attestation = enrollment.settings.attestation;
            if (!enrollment.settings.enabled || attestation.type != AttestationType::x509)
                continue;
            for (const lint::GroupView* group : groups_for(context, enrollment)) {
                std::vector<std::string> differences;
                const auto& mine = enrollment.settings;
                const auto& theirs = group->group->settings;
                if (effective_twin(mine.initial_twin) != effective_twin(theirs.initial_twin))
                    differences.push_back("initial twin");
                const auto my_hubs = effective_hubs(mine);
                const auto their_hubs = effective_hubs(theirs);
                if (my_hubs != their_hubs) {
                    differences.push_back("IoT hubs (" + describe_hubs(my_hubs) + " instead of "
                                          + describe_hubs(their_hubs) + ")");
                }
                const auto my_policy = effective_allocation_policy(snapshot, mine).policy;
                const auto their_policy = effective_allocation_policy(snapshot, theirs).policy;
                if (my_policy != their_policy) {
                    differences.push_back("allocation policy (" + std::string(to_string(my_policy))
                                          + " instead of " + std::string(to_string(their_policy))
                                          + ")");
                }
                if (differences.empty())
                    continue;
                sink.report("individual enrollment '" + enrollment.registration_id
                                + "' takes its device out of enrollment group '"
                                + group->group->id
                                + "', which would otherwise admit it, and differs from the group "
                                  "in "
                                + join_and(differences),
                            enrollment::individual_location(enrollment));
            }
        }
    }

private:
    // The enabled groups that would decide for the enrollment's device were the individual
    // enrollment not there: from the given devices with its registration ID, else from the
    // client certificates it holds.
    static std::vector<const lint::GroupView*> groups_for(const LintContext& context,
                                                          const IndividualEnrollment& enrollment) {
        std::vector<const lint::GroupView*> out;
        const auto add = [&](const lint::LintContext::DecidingGroup& decider) {
            if (decider.group != nullptr && decider.group->group->settings.enabled
                && std::find(out.begin(), out.end(), decider.group) == out.end())
                out.push_back(decider.group);
        };
        const auto devices = context.devices_with_registration_id(enrollment.registration_id);
        for (const DeviceContext* device : devices) {
            if (device->attestation && matches_client_certificate(enrollment, device->leaf())) {
                add(context.deciding_group(enrollment::chain_above_leaf(*device->attestation)));
            }
        }
        if (!devices.empty())
            return out;
        const auto& x509 = enrollment.settings.attestation.x509;
        if (!x509)
            return out;
        for (const auto* entry : {&x509->client_primary, &x509->client_secondary}) {
            if (*entry && (*entry)->certificate) {
                add(context.deciding_group(context.issuers_above(*(*entry)->certificate)));
            }
        }
        return out;
    }

    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.overrides-group",
        .title = "Individual enrollment gives a group's device different settings",
        .severity = Severity::warning,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "DPS looks for an individual enrollment first and only then for a group. An enabled "
            "individual enrollment for a device that an enrollment group would also admit takes "
            "the device out of the group: the group's initial twin, IoT hubs and allocation policy "
            "no longer apply to it, and later changes to the group never reach it. Often this is a "
            "forgotten exception made while debugging one device.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Delete the individual enrollment if the device should follow its group (it then "
               "provisions through the group), or give it the group's settings on purpose.",
        .example =
            "enabled individual enrollment 'device-1' with static allocation, under group 'fleet' "
            "using hashed",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_overrides_group() {
    return std::make_unique<individual::OverridesGroup>();
}

}  // namespace dpslint::rules
