#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class IdInvalid final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            const auto problems = enrollment_group_id_problems(group.group->id);
            if (problems.empty())
                continue;
            std::string joined;
            for (const auto& p : problems)
                joined += (joined.empty() ? "" : "; ") + p;
            Location location = group.location();
            location.json_pointer += "/enrollmentGroupId";
            sink.report("enrollment group ID '" + group.group->id + "' is invalid: " + joined,
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.id-invalid",
        .title = "Enrollment group ID breaks the DPS naming rules",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .rationale =
            "An enrollmentGroupId follows the registration-ID rules: at most 128 characters, "
            "letters, digits and - . _ : only, case-insensitive, and (per the 2021-10-01 API spec) "
            "no special character at the start or end. A name outside these rules is not a "
            "documented enrollment group ID: the service or tooling may refuse it, and a template "
            "holding it may not deploy.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Rename the group (create a new group with a valid ID and the same settings, then "
               "delete the old one).",
        .example = "enrollmentGroupId 'fleet #1'",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_id_invalid() {
    return std::make_unique<enrollment::IdInvalid>();
}

}  // namespace dpslint::rules
