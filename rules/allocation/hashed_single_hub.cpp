#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class HashedSingleHub final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            const EffectivePolicy effective =
                effective_allocation_policy(snapshot, *entry.settings);
            if (effective.policy != AllocationPolicy::hashed)
                continue;
            const auto hubs = eligible_hubs(*snapshot.known_linked_hubs(), *entry.settings);
            if (hubs.size() != 1)
                continue;
            sink.report(
                entry.describe() + " uses hashed allocation"
                    + (effective.from_service ? " (the service default)" : "")
                    + " over the single eligible IoT hub '" + hubs.front()->name
                    + "', so hashing balances nothing",
                entry.location(entry.settings->allocation_policy ? "/allocationPolicy" : ""));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.hashed-single-hub",
        .title = "Hashed allocation over a single IoT hub",
        .severity = Severity::notice,
        .inspects = Target::enrollment_group,
        .needs = {InputPart::linked_hubs},
        .rationale =
            "Hashed allocation spreads devices over the enrollment's hub set by weight. With one "
            "eligible hub (one named hub, or one linked hub taking part in allocation) every "
            "device lands on it, which is static allocation in effect; the policy will start "
            "moving new devices as soon as a hub is linked or named.",
        .citation = std::string(citation::dps_allocation),
        .fix =
            "Use static allocation naming the hub if a single hub is intended; otherwise link or "
            "name the other hubs the devices should spread over.",
        .example = "allocationPolicy 'hashed' with iotHubs ['hub-a.azure-devices.net']",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_hashed_single_hub() {
    return std::make_unique<allocation::HashedSingleHub>();
}

}  // namespace dpslint::rules
