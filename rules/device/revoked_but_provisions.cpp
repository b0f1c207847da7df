#include <algorithm>

#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class RevokedButProvisions final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        if (!device.attestation || !device.revocation
            || device.attestation->decision != Decision::provisioned)
            return;
        const auto& result = *device.attestation;
        const auto& statuses = device.revocation->certificates;
        const auto revoked = std::find_if(statuses.begin(), statuses.end(), [](const auto& s) {
            return s.state == RevocationState::revoked;
        });
        if (revoked == statuses.end() || revoked->path_position >= result.chain.size())
            return;
        const Certificate& certificate = *result.chain[revoked->path_position].certificate;
        const std::string through = result.enrollment
                                        ? " through " + result.enrollment->kind + " enrollment '"
                                              + result.enrollment->id + "'"
                                        : std::string();
        std::string fix;
        if (revoked->path_position == 0) {
            fix = result.registration_id.empty()
                      ? "create a disabled individual enrollment for this certificate"
                      : "create a disabled individual enrollment with registration ID '"
                            + result.registration_id + "'";
            if (result.enrollment && result.enrollment->kind == "group")
                fix += ", or disable enrollment group '" + result.enrollment->id + "'";
        } else {
            fix = "disable the enrollment group on CA certificate '" + certificate.label()
                  + "' (or remove the certificate from DPS) and re-issue its devices under a CA "
                    "that is not revoked";
        }
        sink.report(
            describe(device.leaf()) + " provisions" + through + " although "
                + (revoked->path_position == 0 ? std::string("it")
                                               : "its CA certificate '" + certificate.label() + "'")
                + " is " + describe_revocation(*revoked)
                + ": DPS does not check revocation; to stop it, " + fix,
            location_with_enrollment(device));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.revoked-but-provisions",
        .title = "Device certificate is revoked by a CRL but DPS would provision it",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        // Needs a DPS decision and CRLs (--crl); without either there is nothing to compare.
        .needs = {InputPart::snapshot, InputPart::revocation},
        .rationale =
            "DPS never checks certificate revocation: a device whose certificate (or a CA "
            "certificate of its chain) is on its issuer's CRL still provisions through its "
            "enrollment and gets its IoT Hub identity. The documented way to stop one device of a "
            "group is a disabled individual enrollment with its registration ID; to stop every "
            "device under a CA, disable the group. Reported only with --crl, for devices DPS would "
            "provision.",
        .citation = std::string(citation::dps_revoke),
        .fix =
            "Create a disabled individual enrollment with the device's registration ID and its "
            "certificate (do not delete it later, or the device re-enrolls through the group), or "
            "disable the enrollment group when a CA is revoked; then disable or delete the device "
            "in the IoT hub it was assigned to.",
        .example = "device-7's certificate is on the intermediate's CRL and group 'fleet' on that "
                   "intermediate is enabled",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_revoked_but_provisions() {
    return std::make_unique<device::RevokedButProvisions>();
}

}  // namespace dpslint::rules
