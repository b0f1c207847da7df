#include "dpslint/output_text.hpp"

#include "rule_support.hpp"
#include "text.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

constexpr std::size_t max_key_bytes = 1024;

// What is wrong with a twin key, or empty.
std::vector<std::string> key_problems(const std::string& key) {
    std::vector<std::string> problems;
    if (key.find('.') != std::string::npos)
        problems.push_back("contains '.'");
    if (key.find('$') != std::string::npos)
        problems.push_back("contains '$'");
    if (key.find(' ') != std::string::npos)
        problems.push_back("contains a space");
    for (const char32_t c : code_points(key)) {
        if (is_control(c)) {
            problems.push_back("contains a control character");
            break;
        }
    }
    if (key.size() > max_key_bytes) {
        problems.push_back("is " + std::to_string(key.size()) + " bytes long (limit "
                           + std::to_string(max_key_bytes) + ")");
    }
    return problems;
}

class KeyInvalid final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            for (const auto& section : twin.sections) {
                walk(section, [&](const TwinNode& node) {
                    if (node.key == nullptr)
                        return true;
                    const auto problems = key_problems(*node.key);
                    if (!problems.empty()) {
                        sink.report(twin.entry.describe() + " initialTwin " + section.label
                                        + " key " + quote_input(*node.key) + " "
                                        + join_and(problems),
                                    twin.location(node.pointer));
                    }
                    return true;
                });
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.key-invalid",
        .title = "Initial twin key IoT Hub does not accept",
        .severity = Severity::error,
        .inspects = Target::initial_twin,
        .rationale =
            "DPS creates the device twin in IoT Hub from initialTwin (tags and desired "
            "properties). IoT Hub twin keys are UTF-8, at most 1 KB, and must not contain '.', "
            "'$', space or C0/C1 control characters; a twin with such a key is rejected, so the "
            "device cannot be provisioned with it. DPS documents no limits of its own, so the "
            "hub's apply.",
        .citation = std::string(citation::hub_device_twins),
        .fix = "Rename the key: use '_' or '-' instead of '.', '$' and spaces, or nest objects "
               "instead of dotted paths.",
        .example = "initialTwin.tags {\"site.name\": \"plant-1\"}",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_key_invalid() {
    return std::make_unique<twin::KeyInvalid>();
}

}  // namespace dpslint::rules
