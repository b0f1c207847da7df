#include <algorithm>

#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

class Depth final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const long long max_depth = options.integer("max-depth");
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            for (const auto& section : twin.sections) {
                int deepest = 0;
                std::string first_too_deep;
                walk(section, [&](const TwinNode& node) {
                    deepest = std::max(deepest, node.level);
                    if (node.level > max_depth && first_too_deep.empty())
                        first_too_deep = node.pointer;
                    return true;
                });
                if (first_too_deep.empty())
                    continue;
                sink.report(twin.entry.describe() + " initialTwin " + section.label + " nest "
                                + std::to_string(deepest) + " levels deep, over IoT Hub's limit of "
                                + std::to_string(max_depth) + " (older docs: 5)",
                            twin.location(first_too_deep));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.depth",
        .title = "Initial twin nested deeper than IoT Hub allows",
        .severity = Severity::error,
        .inspects = Target::initial_twin,
        .rationale =
            "IoT Hub limits the nesting of objects inside tags and desired properties to 10 levels "
            "(older documentation says 5); a twin that nests deeper is rejected when DPS creates "
            "the device twin. An object that is a direct member of tags is level 1; arrays count "
            "as a level like objects (an assumption). DPS documents no limits of its own, so the "
            "hub's apply.",
        .citation = std::string(citation::hub_device_twins),
        .fix =
            "Flatten the structure: combine levels into longer key names or move detail out of the "
            "twin.",
        .options = {{.name = "max-depth",
                     .type = OptionType::integer,
                     .default_value = 10,
                     .description =
                         "deepest nesting level allowed inside tags or desired properties",
                     .minimum = 0,
                     .maximum = 64}},
        .example = "initialTwin.tags with objects nested 11 levels deep",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_depth() {
    return std::make_unique<twin::Depth>();
}

}  // namespace dpslint::rules
