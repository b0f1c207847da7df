#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

// UTF-8 characters (code points) in `text`.
std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
            ++n;
    }
    return n;
}

constexpr std::size_t max_x509_registration_id = 64;

class CnTooLong final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto cn = single_cn(device);
        if (!cn)
            return;  // device.cn-missing
        const std::size_t length = characters(*cn);
        if (length <= max_x509_registration_id)
            return;
        sink.report("device certificate CN '" + *cn + "' has " + std::to_string(length)
                        + " characters; an X.509 registration ID has at most "
                        + std::to_string(max_x509_registration_id)
                        + ", so DPS rejects the registration with 400004",
                    device.location());
    }

private:
    // Restates the simulator's decision: a report lists the cause once.
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.cn-too-long",
        .title = "Device certificate CN is longer than 64 characters",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .rationale =
            "Registration IDs may have 128 characters, but with X.509 attestation the registration "
            "ID is the subject CN, whose upper bound is 64 characters; DPS documents 64 as the "
            "maximum X.509 registration ID length.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Issue the device certificate with a CN of at most 64 characters and use it as the "
               "registration ID.",
        .example = "a 65-character subject CN",
        .restates = {"attestation.registration-id-invalid"},
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_cn_too_long() {
    return std::make_unique<device::CnTooLong>();
}

}  // namespace dpslint::rules
