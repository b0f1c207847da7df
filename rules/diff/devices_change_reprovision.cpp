#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class DevicesChangeReprovision final : public ChangeRule {
public:
    DevicesChangeReprovision()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::devices_change_reprovision,
            .title = "Devices would get another reprovision policy",
            .severity = Severity::notice,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale = "What DPS does with the device's hub assignment and twin data when it "
                         "registers again changes.",
            .citation = std::string(citation::dps_reprovision),
            .fix = "Check that the new reprovision policy is intended.",
            .example = "reprovisionPolicy.migrateDeviceData changed to false",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_devices_change_reprovision() {
    return std::make_unique<diff::DevicesChangeReprovision>();
}

}  // namespace dpslint::rules
