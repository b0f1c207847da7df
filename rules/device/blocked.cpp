#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class Blocked final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        if (!device.attestation || device.attestation->decision != Decision::blocked)
            return;
        const auto& result = *device.attestation;
        std::string entry = "a disabled enrollment";
        if (result.enrollment) {
            entry = "disabled "
                    + std::string(result.enrollment->kind == "group" ? "enrollment group '"
                                                                     : "individual enrollment '")
                    + result.enrollment->id + "'";
        }
        sink.report(describe(device.leaf()) + " is blocked by " + entry
                        + "; DPS does not fall through to other enrollments",
                    location_with_enrollment(device));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.blocked",
        .title = "Device is blocked by a disabled enrollment",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .needs = {InputPart::snapshot},
        .rationale =
            "The first enrollment DPS finds for a device decides: a disabled individual "
            "enrollment, or a disabled group on the first CA of the chain that has one, blocks the "
            "device even when an enabled group higher up would admit it. That is the documented "
            "way to revoke a device or CA, so this may be intended; it is a mistake when the entry "
            "was disabled temporarily or by accident.",
        .citation = std::string(citation::dps_revoke),
        .fix =
            "If the device should provision, enable the named enrollment (or delete a disabled "
            "individual enrollment so the group applies); if the block is intended, nothing to do.",
        .example = "enrollment group 'fleet' on the device's intermediate is disabled",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_blocked() {
    return std::make_unique<device::Blocked>();
}

}  // namespace dpslint::rules
