#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class HubNotLinked final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            for (const auto& hub : named_hubs(*entry.settings)) {
                if (find_linked_hub(*snapshot.known_linked_hubs(), hub.name) != nullptr)
                    continue;
                sink.report(entry.describe() + " names IoT hub '" + hub.name
                                + "', which is not linked to this DPS instance",
                            entry.location(hub.pointer_suffix));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.hub-not-linked",
        .title = "Enrollment names an IoT hub that is not linked",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .needs = {InputPart::linked_hubs},
        .rationale =
            "The hubs an enrollment names in iotHubs (or the legacy iotHubHostName) must be a "
            "subset of the hubs linked to the DPS instance; DPS can only assign devices to linked "
            "hubs. A hub that was unlinked, renamed or mistyped cannot receive devices.",
        .citation = std::string(citation::dps_allocation),
        .fix =
            "Link the hub to the DPS instance (az iot dps linked-hub create) or correct the host "
            "name in the enrollment's iotHubs.",
        .example =
            "iotHubs ['hub-x.azure-devices.net'] while only hub-a.azure-devices.net is linked",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_hub_not_linked() {
    return std::make_unique<allocation::HubNotLinked>();
}

}  // namespace dpslint::rules
