#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

class RegistrationIdInvalid final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& enrollment : *context.snapshot()->individuals) {
            const bool x509 = enrollment.settings.attestation.type == AttestationType::x509;
            const auto problems =
                registration_id_problems(enrollment.registration_id, x509 ? 64 : 128);
            if (problems.empty())
                continue;
            std::string joined;
            for (const auto& p : problems)
                joined += (joined.empty() ? "" : "; ") + p;
            Location location = enrollment::individual_location(enrollment);
            location.json_pointer += "/registrationId";
            sink.report("individual enrollment registration ID '" + enrollment.registration_id
                            + "' is invalid" + (x509 ? " for X.509 attestation" : "") + ": "
                            + joined,
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.registration-id-invalid",
        .title = "Individual enrollment registration ID breaks the DPS rules",
        .severity = Severity::error,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "A registration ID is at most 128 characters (64 with X.509, the bound of the "
            "certificate CN it must equal), letters, digits and - . _ : only, with no special "
            "character at the start or end per the 2021-10-01 API spec. A device "
            "registering with another ID is refused with 400004.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Re-enroll the device under a valid registration ID; for X.509 that means a device "
               "certificate whose CN is that ID.",
        .example = "registrationId 'Sensor 42' (a space)",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_registration_id_invalid() {
    return std::make_unique<individual::RegistrationIdInvalid>();
}

}  // namespace dpslint::rules
