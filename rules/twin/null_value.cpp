#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

class NullValue final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            for (const auto& section : twin.sections) {
                walk(section, [&](const TwinNode& node) {
                    if (node.value.is_null()) {
                        sink.report(twin.entry.describe() + " initialTwin " + section.label
                                        + " contain a null value at "
                                        + node.pointer.substr(section.pointer.size())
                                        + ", whose meaning in an initial twin is not documented",
                                    twin.location(node.pointer));
                    }
                    return true;
                });
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.null-value",
        .title = "Initial twin contains a null value",
        .severity = Severity::warning,
        .inspects = Target::initial_twin,
        .rationale =
            "In a twin patch a null value deletes the property; what a null means inside a DPS "
            "initialTwin (stored as null, dropped, or deleting a property of a migrated twin) is "
            "not documented, so the device may not see the property it expects.",
        .citation = std::string(citation::hub_device_twins),
        .fix =
            "Remove the property, or give it an explicit value such as an empty string or false.",
        .example = "initialTwin.tags {\"site\": null}",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_null_value() {
    return std::make_unique<twin::NullValue>();
}

}  // namespace dpslint::rules
