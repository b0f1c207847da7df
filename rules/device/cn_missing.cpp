#include "rule_support.hpp"

namespace dpslint::rules {

namespace {

class CnMissing final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto cns = device.leaf().subject().common_names();
        if (cns.empty()) {
            sink.report("device certificate subject '" + device.leaf().subject().text()
                            + "' has no CN, so DPS has no registration ID for it",
                        device.location());
        } else if (cns.size() > 1) {
            sink.report("device certificate subject has " + std::to_string(cns.size())
                            + " CN attributes; DPS needs exactly one to use as registration ID",
                        device.location());
        }
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    RuleMetadata metadata_ = lint::restating(
        lint::make_metadata(
            "device.cn-missing", "Device certificate has no single subject CN", Severity::error,
            Target::device_certificate,
            "For X.509 attestation the registration ID is the subject Common Name of the device "
            "certificate; without exactly one CN DPS rejects the registration (400004).",
            std::string(citation::dps_x509_attestation),
            "Issue the device certificate with exactly one CN equal to the intended registration "
            "ID.",
            {}, "subject 'O=Contoso' (no CN)"),
        {"attestation.registration-id-invalid"});
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_cn_missing() {
    return std::make_unique<CnMissing>();
}

}  // namespace dpslint::rules
