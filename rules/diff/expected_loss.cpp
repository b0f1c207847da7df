#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class ExpectedLoss final : public ChangeRule {
public:
    ExpectedLoss()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::expected_loss,
            .title = "Devices would stop provisioning, as expected",
            .severity = Severity::notice,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale =
                "The loss was marked expected (--expect-loss): reported for the record, not "
                "as a failure.",
            .citation = std::string(citation::dps_x509_attestation),
            .fix = "Nothing to do if the loss is intended.",
            .example = "--expect-loss my-group with my-group disabled",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_expected_loss() {
    return std::make_unique<diff::ExpectedLoss>();
}

}  // namespace dpslint::rules
