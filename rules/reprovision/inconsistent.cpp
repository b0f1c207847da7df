#include "reprovision/reprovision_support.hpp"

namespace dpslint::rules::reprovision {

namespace {

class Inconsistent final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (auto& entry : reprovision::enrollments(*context.snapshot())) {
            const auto& policy = entry.settings->reprovision_policy;
            if (!policy || policy->update_hub_assignment || !policy->migrate_device_data)
                continue;
            entry.location.json_pointer += "/reprovisionPolicy";
            sink.report(entry.label
                            + " sets updateHubAssignment=false with migrateDeviceData=true, which "
                              "is no named policy: the hub is never re-evaluated, so there is "
                              "nothing to migrate; it probably means 'never' (false/false)",
                        std::move(entry.location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "reprovision.inconsistent",
        .title = "Reprovisioning policy combines no hub change with migration",
        .severity = Severity::warning,
        .inspects = Target::enrollment_group,
        .rationale =
            "migrateDeviceData says what happens to the twin and device identity when a device "
            "moves to a new hub; with updateHubAssignment=false the hub assignment is never "
            "re-evaluated, so the device never moves and the setting has nothing to act on. The "
            "portal and CLI offer only three named policies: reprovision and migrate data "
            "(true/true, the default), reprovision and reset to initial config (true/false) and "
            "never reprovision (false/false). DPS accepts the pair; it signals a misunderstanding "
            "rather than a provisioning failure.",
        .citation = std::string(citation::dps_reprovision),
        .fix =
            "Use --reprovision-policy never if devices must stay on their hub, or "
            "reprovisionandmigratedata if they should follow allocation changes with their data.",
        .example =
            "reprovisionPolicy {\"updateHubAssignment\": false, \"migrateDeviceData\": true}",
    });
};

}  // namespace

}  // namespace dpslint::rules::reprovision

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_reprovision_inconsistent() {
    return std::make_unique<reprovision::Inconsistent>();
}

}  // namespace dpslint::rules
