#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class StaticHubCount final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            const EffectivePolicy effective =
                effective_allocation_policy(snapshot, *entry.settings);
            if (effective.policy != AllocationPolicy::static_hub)
                continue;
            const std::string why =
                effective.from_service  ? "static allocation (the service default)"
                : effective.from_legacy ? "static allocation (implied by iotHubHostName)"
                                        : "static allocation";
            const auto named = named_hubs(*entry.settings);
            if (named.size() > 1) {
                sink.report(entry.describe() + " uses " + why + " but names "
                                + std::to_string(named.size())
                                + " IoT hubs; static allocation takes exactly one",
                            entry.location("/iotHubs"));
                continue;
            }
            if (!named.empty() || snapshot.known_linked_hubs() == nullptr)
                continue;
            std::size_t candidates = 0;
            for (const auto& hub : *snapshot.known_linked_hubs()) {
                if (hub.applies_allocation_policy())
                    ++candidates;
            }
            if (candidates > 1) {
                sink.report(entry.describe() + " uses " + why + " but names no IoT hub while "
                                + std::to_string(candidates)
                                + " linked hubs take part in allocation; static allocation "
                                  "takes exactly one named hub",
                            entry.location());
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.static-hub-count",
        .title = "Static allocation does not name exactly one IoT hub",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .rationale =
            "Static allocation assigns every device of the enrollment to a single IoT hub, so the "
            "enrollment must name exactly one linked hub (the CLI rejects more than one). The "
            "policy is static when set so, when the legacy iotHubHostName is used, or when "
            "allocationPolicy is absent and the service default is Static. With no hub named and "
            "several linked hubs there is no single hub to assign to.",
        .citation = std::string(citation::dps_allocation),
        .fix = "Set iotHubs to the one linked hub the devices belong on, or choose hashed or "
               "geoLatency allocation to spread devices over several hubs.",
        .example = "allocationPolicy 'static' with iotHubs ['hub-a.azure-devices.net', "
                   "'hub-b.azure-devices.net']",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_static_hub_count() {
    return std::make_unique<allocation::StaticHubCount>();
}

}  // namespace dpslint::rules
