#include "diff/diff_support.hpp"

namespace dpslint::rules::diff {

namespace {

class DevicesChangeTwin final : public ChangeRule {
public:
    DevicesChangeTwin()
        : ChangeRule(lint::declare_rule({
            .id = rule_id::devices_change_twin,
            .title = "Devices would get another initial twin",
            .severity = Severity::notice,
            .inspects = Target::initial_twin,
            .needs = {InputPart::change},
            .rationale = "Devices provisioned after the change start with another initial twin; "
                         "devices already provisioned keep theirs unless reprovisioned with reset.",
            .citation = std::string(citation::dps_reprovision),
            .fix = "Check the edited initial twin.",
            .example = "initialTwin.properties.desired.firmware edited",
        })) {}
};

}  // namespace

}  // namespace dpslint::rules::diff

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_diff_devices_change_twin() {
    return std::make_unique<diff::DevicesChangeTwin>();
}

}  // namespace dpslint::rules
