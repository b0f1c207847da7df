#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class DevicesLoseProvisioning final : public ChangeRule {
public:
    DevicesLoseProvisioning()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::devices_lose_provisioning,
            .title = "Devices would stop provisioning",
            .severity = Severity::error,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale =
                "Devices that provision today would be refused on their next registration "
                "(disabled or deleted enrollment, CA record removed or unverified, chain no "
                "longer trusted).",
            .citation = std::string(citation::dps_x509_attestation),
            .fix = "Undo the change, or, if the loss is intended, say so with --expect-loss "
                   "ENROLLMENT or a suppression of diff.devices-lose-provisioning targeting the "
                   "enrollment.",
            .example = "the enrollment group of the devices is disabled",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_devices_lose_provisioning() {
    return std::make_unique<diff::DevicesLoseProvisioning>();
}

}  // namespace dpslint::rules
