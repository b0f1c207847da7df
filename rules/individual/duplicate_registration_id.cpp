#include <map>

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules {

namespace {

class DuplicateRegistrationId final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    bool applies(const LintContext& context) const override {
        return context.snapshot() != nullptr && context.snapshot()->individuals.has_value();
    }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        std::map<std::string, const IndividualEnrollment*> first;
        for (const auto& enrollment : *context.snapshot()->individuals) {
            const auto [it, inserted] =
                first.emplace(ascii_lower(enrollment.registration_id), &enrollment);
            if (inserted)
                continue;
            const IndividualEnrollment& earlier = *it->second;
            const bool same = earlier.registration_id == enrollment.registration_id;
            Location location = enrollment_support::individual_location(enrollment);
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
    RuleMetadata metadata_ = lint::make_metadata(
        "individual.duplicate-registration-id",
        "Two individual enrollments have the same registration ID, ignoring case", Severity::error,
        Target::individual_enrollment,
        "Registration IDs are case-insensitive: DPS looks a device up by its "
        "registration ID, so two individual enrollments whose IDs differ only in case are the "
        "same entry to the service. Only one can hold; the other's settings, certificate or "
        "disabled status never apply, and which one a snapshot or template ends up with is not "
        "defined.",
        std::string(citation::dps_service_api),
        "Keep one individual enrollment per registration ID (ignoring case) and delete or merge "
        "the others.",
        {}, "individual enrollments 'device-1' and 'Device-1'");
};

}  // namespace

std::unique_ptr<lint::Rule> make_individual_duplicate_registration_id() {
    return std::make_unique<DuplicateRegistrationId>();
}

}  // namespace dpslint::rules
