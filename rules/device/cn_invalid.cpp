#include <limits>

#include "dpslint/identifiers.hpp"

#include "device_support.hpp"

namespace dpslint::rules {

namespace {

class CnInvalid final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto cn = device_support::single_cn(device);
        if (!cn)
            return;  // device.cn-missing
        // No length bound here: a CN over 64 characters is device.cn-too-long.
        const auto problems =
            registration_id_problems(*cn, std::numeric_limits<std::size_t>::max());
        if (problems.empty())
            return;
        sink.report("device certificate CN '" + *cn + "' is not a valid registration ID ("
                        + device_support::join(problems, "; ")
                        + "), so DPS rejects the registration with 400004",
                    device.location());
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    RuleMetadata metadata_ = lint::restating(
        lint::make_metadata(
            "device.cn-invalid", "Device certificate CN is not a valid registration ID",
            Severity::error, Target::device_certificate,
            "DPS takes the registration ID of an X.509 device from its subject CN. Registration "
            "IDs "
            "allow only letters, digits and - . _ : and must end (per the 2021-10-01 API spec also "
            "start) with an alphanumeric character; a CN with spaces, '@' or a test CA name fails "
            "with 400004 Invalid RegistrationId.",
            std::string(citation::dps_x509_attestation),
            "Issue the device certificate with a CN made of letters, digits and - . _ : that "
            "starts "
            "and ends with a letter or digit, and use that CN as the registration ID.",
            {}, "subject CN 'Sensor 42' (contains a space)"),
        {"attestation.registration-id-invalid"});
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_cn_invalid() {
    return std::make_unique<CnInvalid>();
}

}  // namespace dpslint::rules
