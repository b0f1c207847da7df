#include <limits>

#include "dpslint/identifiers.hpp"

#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class CnInvalid final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto cn = single_cn(device);
        if (!cn)
            return;  // device.cn-missing
        // No length bound here: a CN over 64 characters is device.cn-too-long.
        const auto problems =
            registration_id_problems(*cn, std::numeric_limits<std::size_t>::max());
        if (problems.empty())
            return;
        sink.report("device certificate CN '" + *cn + "' is not a valid registration ID ("
                        + join(problems, "; ") + "), so DPS rejects the registration with 400004",
                    device.location());
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.cn-invalid",
        .title = "Device certificate CN is not a valid registration ID",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .rationale =
            "DPS takes the registration ID of an X.509 device from its subject CN. Registration "
            "IDs allow only letters, digits and - . _ : and must end (per the 2021-10-01 API spec "
            "also start) with an alphanumeric character; a CN with spaces, '@' or a test CA name "
            "fails with 400004 Invalid RegistrationId.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Issue the device certificate with a CN made of letters, digits and - . _ : that "
               "starts and ends with a letter or digit, and use that CN as the registration ID.",
        .example = "subject CN 'Sensor 42' (contains a space)",
        .restates = {"attestation.registration-id-invalid"},
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_cn_invalid() {
    return std::make_unique<device::CnInvalid>();
}

}  // namespace dpslint::rules
