#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class DevicesGainProvisioning final : public ChangeRule {
public:
    DevicesGainProvisioning()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::devices_gain_provisioning,
            .title = "Devices that were refused would provision",
            .severity = Severity::warning,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale =
                "A device DPS refused before (disabled entry, no enrollment, untrusted chain) "
                "would provision after the change; a removed blocklist entry lets the device "
                "back in.",
            .citation = std::string(citation::dps_revoke),
            .fix =
                "Check that these devices are meant to provision; to keep one out, keep a disabled "
                "individual enrollment for it rather than deleting it.",
            .example = "a disabled individual enrollment is deleted",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_devices_gain_provisioning() {
    return std::make_unique<diff::DevicesGainProvisioning>();
}

}  // namespace dpslint::rules
