#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

class MixedCaseId final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& enrollment : *context.snapshot()->individuals) {
            const auto& id = enrollment.registration_id;
            if (ascii_lower(id) == id)
                continue;
            Location location = enrollment::individual_location(enrollment);
            location.json_pointer += "/registrationId";
            std::string message = "individual enrollment registration ID '" + id
                                  + "' has upper-case letters: DPS compares registration IDs "
                                    "case-insensitively";
            message += enrollment.device_id
                           ? ", 2018-2020 DPS rejected upper-case IDs"
                           : ", the IoT Hub device ID made from it is case-sensitive, and "
                             "2018-2020 DPS rejected upper-case IDs";
            sink.report(std::move(message), std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.mixed-case-id",
        .title = "Individual enrollment registration ID has upper-case letters",
        .severity = Severity::warning,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "Registration IDs are case-insensitive in DPS while IoT Hub device IDs are "
            "case-sensitive, and what case the hub device ID gets is not documented. DPS in "
            "2018-2020 rejected upper-case registration IDs with 400004; later reports say the "
            "restriction was relaxed. Lower-case IDs avoid both the history and the ambiguity.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Use lower-case registration IDs (and device certificate CNs); set deviceId explicitly "
            "if the hub identity needs another spelling.",
        .example = "registrationId 'Device-01'",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_mixed_case_id() {
    return std::make_unique<individual::MixedCaseId>();
}

}  // namespace dpslint::rules
