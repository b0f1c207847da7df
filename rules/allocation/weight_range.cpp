#include "rule_support.hpp"

namespace dpslint::rules {

namespace {

class WeightRange final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    bool applies(const LintContext& context) const override {
        return context.snapshot() != nullptr && context.snapshot()->known_linked_hubs() != nullptr;
    }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& hub : *context.snapshot()->known_linked_hubs()) {
            if (!hub.allocation_weight
                || (*hub.allocation_weight >= 1 && *hub.allocation_weight <= 1000))
                continue;
            Location location;
            location.file = hub.source.file;
            location.json_pointer = hub.source.pointer + "/allocationWeight";
            sink.report("linked IoT hub '" + hub.name + "' has allocationWeight "
                            + std::to_string(*hub.allocation_weight)
                            + ", outside the allowed 1..1000",
                        std::move(location));
        }
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "allocation.weight-range", "Linked hub allocation weight outside 1..1000", Severity::error,
        Target::linked_hubs,
        "allocationWeight of a linked hub weights hashed and geoLatency allocation; DPS accepts "
        "integers from 1 to 1000 (null means 1). Any other value is not a weight DPS can "
        "apply.",
        std::string(citation::dps_linked_hubs),
        "Set allocationWeight between 1 and 1000 (az iot dps linked-hub update "
        "--allocation-weight), or clear it for the default of 1.",
        {}, "allocationWeight 0 on a linked hub");
};

}  // namespace

std::unique_ptr<lint::Rule> make_allocation_weight_range() {
    return std::make_unique<WeightRange>();
}

}  // namespace dpslint::rules
