#include "reprovision/reprovision_support.hpp"

namespace dpslint::rules::reprovision {

namespace {

class PolicyMissing final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (auto& entry : reprovision::enrollments(*context.snapshot())) {
            if (entry.settings->reprovision_policy)
                continue;
            sink.report(entry.label
                            + " has no reprovisionPolicy, so devices using API version "
                              "2018-04-01 or older keep their first hub assignment (sticky)",
                        std::move(entry.location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "reprovision.policy-missing",
        .title = "Enrollment has no reprovisioning policy",
        .severity = Severity::notice,
        .inspects = Target::enrollment_group,
        .rationale =
            "For backward compatibility, when an enrollment has no reprovisionPolicy and the "
            "device registers with service API 2018-04-01 or older (SDKs before September 2018), "
            "DPS keeps the device on the hub it was first assigned to; a policy set on the "
            "enrollment always wins. The az CLI always sends one, so a missing policy usually "
            "means the enrollment was created through another client. Checked for enrollment "
            "groups and, when enrollments.json was exported, for individual enrollments.",
        .citation = std::string(citation::dps_reprovision),
        .fix =
            "Set the policy explicitly, e.g. `az iot dps enrollment-group update ... "
            "--reprovision-policy reprovisionandmigratedata` (or reprovisionandresetdata / never).",
        .example = "an enrollment group exported without a reprovisionPolicy key",
    });
};

}  // namespace

}  // namespace dpslint::rules::reprovision

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_reprovision_policy_missing() {
    return std::make_unique<reprovision::PolicyMissing>();
}

}  // namespace dpslint::rules
