#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class CustomDefinitionMissing final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            const EnrollmentSettings& settings = *entry.settings;
            if (effective_allocation_policy(snapshot, settings).policy != AllocationPolicy::custom)
                continue;
            if (!settings.custom_allocation) {
                sink.report(entry.describe()
                                + " uses custom allocation but has no customAllocationDefinition",
                            entry.location("/allocationPolicy"));
                continue;
            }
            if (settings.custom_allocation->webhook_url.empty()) {
                sink.report(entry.describe()
                                + " uses custom allocation but its customAllocationDefinition "
                                  "has no webhookUrl",
                            entry.location("/customAllocationDefinition/webhookUrl"));
            }
            if (settings.custom_allocation->api_version.empty()) {
                sink.report(entry.describe()
                                + " uses custom allocation but its customAllocationDefinition "
                                  "has no apiVersion",
                            entry.location("/customAllocationDefinition/apiVersion"));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.custom-definition-missing",
        .title = "Custom allocation without a complete webhook definition",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .rationale =
            "With allocationPolicy custom DPS calls the webhook in customAllocationDefinition to "
            "pick the hub; webhookUrl and apiVersion are both required, and the service rejects "
            "the enrollment with 400004 'A CustomAllocationDefinition is required when the "
            "allocation policy is set to Custom'.",
        .citation = std::string(citation::dps_custom_allocation),
        .fix = "Add customAllocationDefinition with the webhook's URL (including its function key) "
               "and an apiVersion such as 2021-10-01, or choose a built-in allocation policy.",
        .example = "allocationPolicy 'custom' and no customAllocationDefinition",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_custom_definition_missing() {
    return std::make_unique<allocation::CustomDefinitionMissing>();
}

}  // namespace dpslint::rules
