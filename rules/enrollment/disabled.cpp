#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class Disabled final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            if (group.group->settings.enabled)
                continue;
            std::string message = "enrollment group '" + group.group->id + "' is disabled";
            if (!is_x509(group)) {
                message += ": devices attesting through it are blocked";
            } else {
                std::vector<std::string> cas;
                std::vector<std::string> above;
                for (const auto& ca : group.cas) {
                    cas.push_back(ca_name(ca));
                    if (!ca.certificate)
                        continue;
                    for (const auto& issuer : context.issuers_above(*ca.certificate)) {
                        for (const lint::GroupView* g : context.groups_using(*issuer)) {
                            const std::string name = "'" + g->group->id + "'";
                            if (g != &group && g->group->settings.enabled
                                && std::find(above.begin(), above.end(), name) == above.end())
                                above.push_back(name);
                        }
                    }
                }
                message += cas.empty() ? ": devices matching it are blocked"
                                       : ": devices under " + join_and(cas) + " are blocked";
                if (!above.empty()) {
                    message += ", and do not fall through to enabled "
                               + std::string(above.size() == 1 ? "group " : "groups ")
                               + join_and(above) + " higher in the chain";
                }
            }
            if (context.has_devices() && !context.devices().empty()) {
                std::vector<std::string> blocked;
                for (const auto& device : context.devices()) {
                    const auto& a = device.attestation;
                    if (a && a->decision == Decision::blocked && a->enrollment
                        && a->enrollment->kind == "group" && a->enrollment->id == group.group->id)
                        blocked.push_back(a->registration_id.empty()
                                              ? device.leaf().label()
                                              : "'" + a->registration_id + "'");
                }
                if (blocked.empty()) {
                    message += "; it blocks none of the given devices";
                } else if (blocked.size() <= 5) {
                    message += "; it blocks " + join_and(blocked);
                } else {
                    message +=
                        "; it blocks " + plural(blocked.size(), "given device", "given devices");
                }
            }
            Location location = group.location();
            location.json_pointer += "/provisioningStatus";
            sink.report(std::move(message), std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.disabled",
        .title = "Enrollment group is disabled",
        .severity = Severity::notice,
        .inspects = Target::enrollment_group,
        .rationale =
            "A disabled group still matches: DPS stops at the first group it finds in the device's "
            "chain, and when that group is disabled the device is not provisioned, even if an "
            "enabled group exists for a CA higher in the chain. Disabling is the "
            "documented way to block a compromised CA; deleting the group instead would let its "
            "devices fall through to groups above it.",
        .citation = std::string(citation::dps_revoke),
        .fix = "Nothing to do if the block is intended. To re-admit the devices set "
               "provisioningStatus to enabled; to hand them to a group higher in the chain delete "
               "this group.",
        .example = "provisioningStatus 'disabled' on group 'fleet'",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_disabled() {
    return std::make_unique<enrollment::Disabled>();
}

}  // namespace dpslint::rules
