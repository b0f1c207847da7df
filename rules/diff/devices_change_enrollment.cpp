#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class DevicesChangeEnrollment final : public ChangeRule {
public:
    DevicesChangeEnrollment()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::devices_change_enrollment,
            .title = "Devices would provision through another enrollment",
            .severity = Severity::warning,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale =
                "After the change DPS would stop at another enrollment for these devices: they get "
                "that enrollment's hubs, initial twin and reprovision policy on their next "
                "registration.",
            .citation = std::string(citation::dps_x509_attestation),
            .fix = "Check that the other enrollment is meant for these devices.",
            .example = "a nearer group is added for the intermediate that issued the devices",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_devices_change_enrollment() {
    return std::make_unique<diff::DevicesChangeEnrollment>();
}

}  // namespace dpslint::rules
