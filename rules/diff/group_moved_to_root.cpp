#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class GroupMovedToRoot final : public ChangeRule {
public:
    GroupMovedToRoot()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::group_moved_to_root,
            .title = "Enrollment group moved from an intermediate to a root",
            .severity = Severity::warning,
            .inspects = Target::enrollment_group,
            .needs = {InputPart::change},
            .rationale =
                "DPS walks a device's chain from its issuer up and stops at the first "
                "certificate a group uses; a group on a root claims every device under that "
                "root that no nearer group claims, including devices of other intermediates "
                "and customers.",
            .citation = std::string(citation::dps_x509_attestation),
            .fix =
                "Keep the group on the intermediate, or check every intermediate under the root.",
            .example = "caReferences.primary changed from my-intermediate-ca to my-root-ca",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_group_moved_to_root() {
    return std::make_unique<diff::GroupMovedToRoot>();
}

}  // namespace dpslint::rules
