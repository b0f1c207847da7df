#include "device_support.hpp"

namespace dpslint::rules {

namespace {

class Blocked final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    bool applies(const LintContext& context) const override {
        return context.snapshot() != nullptr && context.has_devices();
    }

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
        sink.report(device_support::describe(device.leaf()) + " is blocked by " + entry
                        + "; DPS does not fall through to other enrollments",
                    device_support::location_with_enrollment(device));
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "device.blocked", "Device is blocked by a disabled enrollment", Severity::warning,
        Target::device_certificate,
        "The first enrollment DPS finds for a device decides: a disabled individual enrollment, "
        "or a disabled group on the first CA of the chain that has one, blocks the device even "
        "when an enabled group higher up would admit it. That is the documented way to revoke a "
        "device or CA, so this may be intended; it is a mistake when the entry was disabled "
        "temporarily or by accident.",
        std::string(citation::dps_revoke),
        "If the device should provision, enable the named enrollment (or delete a disabled "
        "individual enrollment so the group applies); if the block is intended, nothing to do.",
        {}, "enrollment group 'fleet' on the device's intermediate is disabled");
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_blocked() {
    return std::make_unique<Blocked>();
}

}  // namespace dpslint::rules
