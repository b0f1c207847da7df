#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class IsCa final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        if (!device.leaf().is_ca())
            return;
        sink.report(describe(device.leaf())
                        + " has basicConstraints cA=TRUE, so it can issue certificates; a device "
                          "identity certificate should be an end entity (an IoT Edge device CA "
                          "certificate is a CA by design but is not what the device presents to "
                          "DPS)",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.is-ca",
        .title = "Device certificate is a CA certificate",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "basicConstraints cA=TRUE lets a certificate's key sign other certificates (RFC 5280 "
            "§4.2.1.9): a compromised device could mint identities that chain to the fleet CA. DPS "
            "does not document a basicConstraints requirement on the device certificate, so this "
            "is hygiene. IoT Edge devices hold a separate edge CA certificate (CA profile) besides "
            "the identity certificate they present to DPS; presenting the CA certificate itself is "
            "a known cause of 401002.",
        .citation = "RFC 5280 §4.2.1.9",
        .fix = "Issue the device identity certificate with basicConstraints cA=FALSE (or without "
               "basicConstraints); keep IoT Edge CA certificates for the edge CA role only.",
        .example = "device certificate with basicConstraints critical, CA:TRUE",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_is_ca() {
    return std::make_unique<device::IsCa>();
}

}  // namespace dpslint::rules
