#include "device_support.hpp"

namespace dpslint::rules {

namespace {

class NoEnrollment final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    bool applies(const LintContext& context) const override {
        return context.snapshot() != nullptr && context.has_devices();
    }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        if (device_support::attestation_finding(device, {"attestation.no-enrollment"}) == nullptr)
            return;
        const auto& result = *device.attestation;
        const Certificate& leaf = device.leaf();
        // A walk that stops at the leaf means no issuer was presented or uploaded: the group
        // on that issuer (if any) could never be found.
        const bool no_issuer = result.chain.size() <= 1 && !leaf.is_self_issued();
        sink.report(device_support::describe(leaf) + " matches no enrollment: no individual "
                        + "enrollment has registration ID '" + result.registration_id
                        + "' and no enrollment group uses a certificate of its chain"
                        + (no_issuer ? std::string(" (the device presents no issuer of its "
                                                   "certificate and none is uploaded to DPS)")
                                     : std::string()),
                    device.location());
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "device.no-enrollment", "Device matches no enrollment", Severity::error,
        Target::device_certificate,
        "DPS looks for an individual enrollment with the device's registration ID, then for an "
        "enrollment group on each CA certificate of the device's chain from its issuer up; when "
        "nothing matches the registration fails with 401002.",
        std::string(citation::dps_x509_attestation),
        "Create an individual enrollment for the device certificate, or an enrollment group on "
        "the CA that issued it (and make the device present that CA's certificate).",
        {}, "device certificate from a CA no enrollment group uses");
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_no_enrollment() {
    return std::make_unique<NoEnrollment>();
}

}  // namespace dpslint::rules
