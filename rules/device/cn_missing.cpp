#include "rule_support.hpp"

namespace dpslint::rules::device {

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
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.cn-missing",
        .title = "Device certificate has no single subject CN",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .rationale =
            "For X.509 attestation the registration ID is the subject Common Name of the device "
            "certificate; without exactly one CN DPS rejects the registration (400004).",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Issue the device certificate with exactly one CN equal to the intended registration "
            "ID.",
        .example = "subject 'O=Contoso' (no CN)",
        .restates = {"attestation.registration-id-invalid"},
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_cn_missing() {
    return std::make_unique<device::CnMissing>();
}

}  // namespace dpslint::rules
