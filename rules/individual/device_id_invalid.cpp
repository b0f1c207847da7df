#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

class DeviceIdInvalid final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& enrollment : *context.snapshot()->individuals) {
            if (!enrollment.device_id)
                continue;
            const auto problems = device_id_problems(*enrollment.device_id);
            if (problems.empty())
                continue;
            std::string joined;
            for (const auto& p : problems)
                joined += (joined.empty() ? "" : "; ") + p;
            Location location = enrollment::individual_location(enrollment);
            location.json_pointer += "/deviceId";
            sink.report("individual enrollment '" + enrollment.registration_id + "' sets deviceId '"
                            + *enrollment.device_id + "', which IoT Hub does not accept: " + joined,
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.device-id-invalid",
        .title = "Individual enrollment deviceId is not a valid IoT Hub device ID",
        .severity = Severity::error,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale = "DPS creates the device in IoT Hub under the enrollment's deviceId. IoT Hub "
                     "device IDs are "
                     "case-sensitive, at most 128 ASCII characters, letters, digits and - . % _ * "
                     "? ! ( ) , : "
                     "= @ $ ' ('+' and '#' are no longer supported); any other ID cannot be "
                     "created in the hub, so the registration cannot complete.",
        .citation = std::string(citation::hub_identity_registry),
        .fix =
            "Set deviceId to a valid IoT Hub device ID, or remove it to use the registration ID.",
        .example = "deviceId 'sensor#42'",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_device_id_invalid() {
    return std::make_unique<individual::DeviceIdInvalid>();
}

}  // namespace dpslint::rules
