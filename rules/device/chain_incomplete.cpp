#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class ChainIncomplete final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        // The attestation simulator decided this already; mirror its verdict.
        const Finding* f = attestation_finding(
            device, {"attestation.chain-incomplete", "attestation.ca-unverified"});
        if (f == nullptr)
            return;
        sink.report(describe(device.leaf()) + " is rejected with 401002: " + f->message,
                    location_with_enrollment(device), f->citation);
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.chain-incomplete",
        .title = "Device chain does not reach a verified CA",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .needs = {InputPart::snapshot},
        .rationale =
            "For a group enrollment DPS must walk from the device certificate to a CA certificate "
            "verified by proof of possession, and the device has to send every certificate in "
            "between in the TLS handshake. A device that omits an intermediate (Windows Schannel "
            "often does), or a chain in which nothing is verified, fails with 401002: the most "
            "common X.509 provisioning failure in the field.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Make the device present its full chain up to the verified CA (leaf, then each "
            "intermediate), or verify the intermediate the group uses; upload and verify the CA if "
            "none in the chain is verified.",
        .example =
            "device presents only its certificate while the group's intermediate is unverified",
        .restates = {"attestation.chain-incomplete", "attestation.ca-unverified"},
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_chain_incomplete() {
    return std::make_unique<device::ChainIncomplete>();
}

}  // namespace dpslint::rules
