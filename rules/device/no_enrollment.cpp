#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class NoEnrollment final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const Finding* finding = attestation_finding(device, {"attestation.no-enrollment"});
        if (finding == nullptr)
            return;
        // The simulator says why: which enrollments it looked for and where the chain stopped.
        sink.report(describe(device.leaf()) + " matches no enrollment: " + finding->message,
                    device.location());
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.no-enrollment",
        .title = "Device matches no enrollment",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .needs = {InputPart::snapshot},
        .rationale =
            "DPS looks for an individual enrollment with the device's registration ID, then for an "
            "enrollment group on each CA certificate of the device's chain from its issuer up; "
            "when nothing matches the registration fails with 401002.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Create an individual enrollment for the device certificate, or an enrollment group on "
            "the CA that issued it (and make the device present that CA's certificate).",
        .example = "device certificate from a CA no enrollment group uses",
        .restates = {"attestation.no-enrollment"},
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_no_enrollment() {
    return std::make_unique<device::NoEnrollment>();
}

}  // namespace dpslint::rules
