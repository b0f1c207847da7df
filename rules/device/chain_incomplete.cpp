#include "device_support.hpp"

namespace dpslint::rules {

namespace {

class ChainIncomplete final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    bool applies(const LintContext& context) const override {
        return context.snapshot() != nullptr && context.has_devices();
    }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        // The attestation simulator decided this already; mirror its verdict.
        const Finding* f = device_support::attestation_finding(
            device, {"attestation.chain-incomplete", "attestation.ca-unverified"});
        if (f == nullptr)
            return;
        sink.report(
            device_support::describe(device.leaf()) + " is rejected with 401002: " + f->message,
            device_support::location_with_enrollment(device), f->citation);
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    RuleMetadata metadata_ = lint::restating(
        lint::make_metadata(
            "device.chain-incomplete", "Device chain does not reach a verified CA", Severity::error,
            Target::device_certificate,
            "For a group enrollment DPS must walk from the device certificate to a CA certificate "
            "verified by proof of possession, and the device has to send every certificate in "
            "between in the TLS handshake. A device that omits an intermediate (Windows Schannel "
            "often does), or a chain in which nothing is verified, fails with 401002: the most "
            "common X.509 provisioning failure in the field.",
            std::string(citation::dps_x509_attestation),
            "Make the device present its full chain up to the verified CA (leaf, then each "
            "intermediate), or verify the intermediate the group uses; upload and verify the CA if "
            "none in the chain is verified.",
            {},
            "device presents only its certificate while the group's intermediate is unverified"),
        {"attestation.chain-incomplete", "attestation.ca-unverified"});
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_chain_incomplete() {
    return std::make_unique<ChainIncomplete>();
}

}  // namespace dpslint::rules
