#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class WeightRange final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

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
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.weight-range",
        .title = "Linked hub allocation weight outside 1..1000",
        .severity = Severity::error,
        .inspects = Target::linked_hubs,
        .needs = {InputPart::linked_hubs},
        .rationale =
            "allocationWeight of a linked hub weights hashed and geoLatency allocation; DPS "
            "accepts integers from 1 to 1000 (null means 1). Any other value is not a weight DPS "
            "can apply.",
        .citation = std::string(citation::dps_linked_hubs),
        .fix = "Set allocationWeight between 1 and 1000 (az iot dps linked-hub update "
               "--allocation-weight), or clear it for the default of 1.",
        .example = "allocationWeight 0 on a linked hub",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_weight_range() {
    return std::make_unique<allocation::WeightRange>();
}

}  // namespace dpslint::rules
