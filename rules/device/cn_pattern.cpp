#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class CnPattern final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions& options,
               FindingSink& sink) const override {
        // Null for the default empty pattern (and for one the configuration loader refuses).
        const Regex* pattern = options.regex("pattern");
        if (pattern == nullptr)
            return;
        const auto cn = single_cn(device);
        if (!cn)
            return;  // device.cn-missing
        if (pattern->full_match(*cn))
            return;
        sink.report("device certificate CN '" + *cn + "' does not match the required pattern '"
                        + options.string("pattern") + "'",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.cn-pattern",
        .title = "Device certificate CN does not follow the naming convention",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .rationale =
            "The subject CN is the device's registration ID and, for enrollment groups, its IoT "
            "Hub device ID; a fleet naming convention keeps those IDs predictable for allocation, "
            "revocation (disabled individual enrollments by registration ID) and back-end lookups.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Issue the device certificate with a CN that fully matches the configured pattern, or "
            "adjust the pattern.",
        .options = {{.name = "pattern",
                     .type = OptionType::regex,
                     .default_value = "",
                     .description =
                         "regular expression (RE2 syntax, at most 1024 bytes) the whole CN must "
                         "match; empty disables the rule"}},
        .example = "pattern '^device-[0-9]+$' and CN 'sensor-042'",
        .enabled_by_default = false,
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_cn_pattern() {
    return std::make_unique<device::CnPattern>();
}

}  // namespace dpslint::rules
