#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class DevicesChangeHub final : public ChangeRule {
public:
    DevicesChangeHub()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::devices_change_hub,
            .title = "Devices would be allocated to another hub set",
            .severity = Severity::warning,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale =
                "The allocation policy or the hubs a device may be allocated to change; on its "
                "next registration the device may move to another IoT hub (and, with "
                "migrateDeviceData false, lose its twin).",
            .citation = std::string(citation::dps_allocation),
            .fix = "Make sure the new hubs are linked and ready, and check the reprovision policy.",
            .example = "allocationPolicy changed from hashed to static",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_devices_change_hub() {
    return std::make_unique<diff::DevicesChangeHub>();
}

}  // namespace dpslint::rules
