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
        const Finding* finding =
            device_support::attestation_finding(device, {"attestation.no-enrollment"});
        if (finding == nullptr)
            return;
        // The simulator says why: which enrollments it looked for and where the chain stopped.
        sink.report(
            device_support::describe(device.leaf()) + " matches no enrollment: " + finding->message,
            device.location());
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    RuleMetadata metadata_ = lint::restating(
        lint::make_metadata(
            "device.no-enrollment", "Device matches no enrollment", Severity::error,
            Target::device_certificate,
            "DPS looks for an individual enrollment with the device's registration ID, then for an "
            "enrollment group on each CA certificate of the device's chain from its issuer up; "
            "when "
            "nothing matches the registration fails with 401002.",
            std::string(citation::dps_x509_attestation),
            "Create an individual enrollment for the device certificate, or an enrollment group on "
            "the CA that issued it (and make the device present that CA's certificate).",
            {}, "device certificate from a CA no enrollment group uses"),
        {"attestation.no-enrollment"});
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_no_enrollment() {
    return std::make_unique<NoEnrollment>();
}

}  // namespace dpslint::rules
