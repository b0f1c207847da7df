#include <cstdint>

#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

constexpr std::int64_t min_integer = -4503599627370496;  // -2^52
constexpr std::int64_t max_integer = 4503599627370495;   // 2^52 - 1
constexpr std::size_t max_string_bytes = 4096;

// What is out of range about `value`, or empty.
std::string range_problem(const nlohmann::json& value) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(max_integer))
            return "integer " + std::to_string(v) + " is above IoT Hub's maximum 4503599627370495";
    } else if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (v < min_integer)
            return "integer " + std::to_string(v) + " is below IoT Hub's minimum -4503599627370496";
        if (v > max_integer)
            return "integer " + std::to_string(v) + " is above IoT Hub's maximum 4503599627370495";
    } else if (value.is_string()) {
        const auto bytes = value.get_ref<const std::string&>().size();
        if (bytes > max_string_bytes)
            return "string is " + std::to_string(bytes) + " bytes long, over IoT Hub's 4096";
    }
    return {};
}

class ValueRange final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            for (const auto& section : twin.sections) {
                walk(section, [&](const TwinNode& node) {
                    const std::string problem = range_problem(node.value);
                    if (!problem.empty()) {
                        sink.report(twin.entry.describe() + " initialTwin " + section.label
                                        + " value at " + node.pointer.substr(section.pointer.size())
                                        + ": " + problem,
                                    twin.location(node.pointer));
                    }
                    return true;
                });
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.value-range",
        .title = "Initial twin value outside IoT Hub's ranges",
        .severity = Severity::error,
        .inspects = Target::initial_twin,
        .rationale =
            "IoT Hub twin integers must lie in [-4503599627370496, 4503599627370495] (exactly "
            "representable doubles) and strings are at most 4 KB of UTF-8; a twin with a value "
            "outside these ranges is rejected when DPS creates it. DPS documents no limits of its "
            "own, so the hub's apply.",
        .citation = std::string(citation::hub_device_twins),
        .fix = "Store large integers (64-bit IDs, nanosecond timestamps) as strings, and move long "
               "text out of the twin.",
        .example = "initialTwin.properties.desired {\"serial\": 9007199254740993}",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_value_range() {
    return std::make_unique<twin::ValueRange>();
}

}  // namespace dpslint::rules
