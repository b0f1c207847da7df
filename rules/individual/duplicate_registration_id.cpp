#include <map>

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

class DuplicateRegistrationId final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        std::map<std::string, const IndividualEnrollment*> first;
        for (const auto& enrollment : *context.snapshot()->individuals) {
            const auto [it, inserted] =
                first.emplace(ascii_lower(enrollment.registration_id), &enrollment);
            if (inserted)
                continue;
            const IndividualEnrollment& earlier = *it->second;
            const bool same = earlier.registration_id == enrollment.registration_id;
            Location location = enrollment::individual_location(enrollment);
            location.json_pointer += "/registrationId";
            sink.report("individual enrollment '" + enrollment.registration_id + "' "
                            + (same ? "repeats the registration ID of"
                                    : "differs only in case from")
                            + " individual enrollment '" + earlier.registration_id + "' at "
                            + earlier.settings.source.pointer
                            + "; DPS compares registration IDs case-insensitively, so only one "
                              "of them can ever apply",
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.duplicate-registration-id",
        .title = "Two individual enrollments have the same registration ID, ignoring case",
        .severity = Severity::error,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "Registration IDs are case-insensitive: DPS looks a device up by its registration ID, "
            "so two individual enrollments whose IDs differ only in case are the same entry to the "
            "service. Only one can hold; the other's settings, certificate or disabled status "
            "never apply, and which one a snapshot or template ends up with is not defined.",
        .citation = std::string(citation::dps_service_api),
        .fix = "Keep one individual enrollment per registration ID (ignoring case) and delete or "
               "merge the others.",
        .example = "individual enrollments 'device-1' and 'Device-1'",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_duplicate_registration_id() {
    return std::make_unique<individual::DuplicateRegistrationId>();
}

}  // namespace dpslint::rules
