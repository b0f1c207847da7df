#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class NoEligibleHub final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        const auto& linked = *snapshot.known_linked_hubs();
        for (const auto& entry : all_enrollments(snapshot)) {
            if (!eligible_hubs(linked, *entry.settings).empty())
                continue;
            const auto named = named_hubs(*entry.settings);
            if (!named.empty()) {
                sink.report(entry.describe() + " can be allocated to no IoT hub: "
                                + (named.size() == 1 ? std::string("the hub it names is not")
                                                     : "none of the " + std::to_string(named.size())
                                                           + " hubs it names is")
                                + " linked to this DPS instance",
                            entry.location(entry.settings->iot_hubs.empty() ? "/iotHubHostName"
                                                                            : "/iotHubs"));
            } else if (linked.empty()) {
                sink.report(entry.describe()
                                + " can be allocated to no IoT hub: it names none and no hub is "
                                  "linked to this DPS instance",
                            entry.location());
            } else {
                sink.report(entry.describe() + " can be allocated to no IoT hub: it names none and "
                                + (linked.size() == 1 ? std::string("the only linked hub has")
                                                      : "all " + std::to_string(linked.size())
                                                            + " linked hubs have")
                                + " applyAllocationPolicy false",
                            entry.location());
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.no-eligible-hub",
        .title = "Enrollment has no IoT hub to allocate devices to",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .needs = {InputPart::linked_hubs},
        .rationale =
            "DPS allocates over the hubs an enrollment names in iotHubs, or, when it names none, "
            "over every linked hub whose applyAllocationPolicy is true. When that set is empty (no "
            "hub linked, every linked hub opted out of allocation, or every named hub unlinked) a "
            "device matching the enrollment cannot be assigned to any hub and its registration "
            "fails.",
        .citation = std::string(citation::dps_allocation),
        .fix =
            "Link an IoT hub, set applyAllocationPolicy true on at least one linked hub, or name a "
            "linked hub in the enrollment's iotHubs.",
        .example =
            "no iotHubs on the enrollment and the only linked hub has applyAllocationPolicy false",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_no_eligible_hub() {
    return std::make_unique<allocation::NoEligibleHub>();
}

}  // namespace dpslint::rules
