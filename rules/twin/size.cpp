#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules {

namespace {

using namespace twin_detail;

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
    RuleMetadata metadata_ = lint::make_metadata(
        "twin.size", "Initial twin larger than IoT Hub allows", Severity::error,
        Target::initial_twin,
        "IoT Hub limits tags to 8 KB and desired properties to 32 KB and rejects operations that "
        "exceed them. Size is counted as IoT Hub counts it: over every property, key length "
        "(UTF-8 bytes) plus value length, numbers 8 bytes, booleans 4, strings by characters "
        "excluding C0/C1 controls, nested objects the sum of their contents. Arrays are counted "
        "as the sum of their elements and null as 0: assumptions, the documentation does not "
        "say. DPS documents no limits of its own, so the hub's apply.",
        std::string(citation::hub_device_twins),
        "Move bulky data out of the initial twin (to a blob or a configuration service the "
        "device reads) and keep only identifiers and settings in it.",
        {RuleOption{"max-tags-bytes", "integer", 8192, "size limit of initialTwin.tags", 0,
                    268435456},
         RuleOption{"max-desired-bytes", "integer", 32768,
                    "size limit of initialTwin.properties.desired", 0, 268435456}},
        "initialTwin.tags with a 9000-character string value");
};

}  // namespace

std::unique_ptr<lint::Rule> make_twin_size() {
    return std::make_unique<Size>();
}

}  // namespace dpslint::rules
