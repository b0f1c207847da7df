#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

class Size final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const long long max_tags = options.integer("max-tags-bytes");
        const long long max_desired = options.integer("max-desired-bytes");
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            for (const auto& section : twin.sections) {
                const long long limit = section.label == "tags" ? max_tags : max_desired;
                const auto size = static_cast<long long>(twin_size(*section.value));
                if (size <= limit)
                    continue;
                sink.report(twin.entry.describe() + " initialTwin " + section.label + " are "
                                + std::to_string(size) + " bytes as IoT Hub counts them, over the "
                                + std::to_string(limit) + "-byte limit",
                            twin.location(section.pointer));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.size",
        .title = "Initial twin larger than IoT Hub allows",
        .severity = Severity::error,
        .inspects = Target::initial_twin,
        .rationale =
            "IoT Hub limits tags to 8 KB and desired properties to 32 KB and rejects operations "
            "that exceed them. Size is counted as IoT Hub counts it: over every property, key "
            "length (UTF-8 bytes) plus value length, numbers 8 bytes, booleans 4, strings by "
            "characters excluding C0/C1 controls, nested objects the sum of their contents. Arrays "
            "are counted as the sum of their elements and null as 0: assumptions, the "
            "documentation does not say. DPS documents no limits of its own, so the hub's apply.",
        .citation = std::string(citation::hub_device_twins),
        .fix = "Move bulky data out of the initial twin (to a blob or a configuration service the "
               "device reads) and keep only identifiers and settings in it.",
        .options = {{.name = "max-tags-bytes",
                     .type = OptionType::integer,
                     .default_value = 8192,
                     .description = "size limit of initialTwin.tags",
                     .minimum = 0,
                     .maximum = 268435456},
                    {.name = "max-desired-bytes",
                     .type = OptionType::integer,
                     .default_value = 32768,
                     .description = "size limit of initialTwin.properties.desired",
                     .minimum = 0,
                     .maximum = 268435456}},
        .example = "initialTwin.tags with a 9000-character string value",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_size() {
    return std::make_unique<twin::Size>();
}

}  // namespace dpslint::rules
