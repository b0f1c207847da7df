#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

class Array final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            for (const auto& section : twin.sections) {
                walk(section, [&](const TwinNode& node) {
                    if (!node.value.is_array())
                        return true;
                    sink.report(twin.entry.describe() + " initialTwin " + section.label
                                    + " contain an array at "
                                    + node.pointer.substr(section.pointer.size())
                                    + ", which older IoT Hub documentation, SDKs and tools reject",
                                twin.location(node.pointer));
                    return false;  // one finding for the outermost array
                });
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.array",
        .title = "Initial twin contains an array",
        .severity = Severity::notice,
        .inspects = Target::initial_twin,
        .rationale =
            "Older IoT Hub twin documentation says arrays are not allowed in tags or properties; "
            "hubs have accepted them since 2021 and DPS passes them through, but older SDKs, tools "
            "and queries may not handle them. The sources disagree, so this is informational.",
        .citation = std::string(citation::hub_device_twins),
        .fix =
            "Keep the array if every consumer of the twin handles arrays; otherwise use an object "
            "keyed by item name.",
        .example = "initialTwin.properties.desired {\"ports\": [80, 443]}",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_array() {
    return std::make_unique<twin::Array>();
}

}  // namespace dpslint::rules
