#include <algorithm>

#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class CnUppercase final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto cn = single_cn(device);
        if (!cn
            || std::none_of(cn->begin(), cn->end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return;
        sink.report("device certificate CN '" + *cn
                        + "' has upper-case letters: registration IDs are case-insensitive but "
                          "the IoT Hub device ID made from it is case-sensitive, and DPS "
                          "rejected upper-case CNs with 400004 until about 2020",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.cn-uppercase",
        .title = "Device certificate CN has upper-case letters",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "DPS compares registration IDs case-insensitively, but for group enrollments the CN "
            "also becomes the IoT Hub device ID, which is case-sensitive, and what case DPS gives "
            "it is not documented. DPS rejected upper-case CNs with 400004 in 2018-2020 (later "
            "relaxed), so mixed case invites lookup mismatches between DPS, the hub and back ends.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Issue device certificates with lower-case CNs and use the same lower-case string as "
            "registration ID and device ID everywhere.",
        .example = "subject CN 'Device-ABC-01'",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_cn_uppercase() {
    return std::make_unique<device::CnUppercase>();
}

}  // namespace dpslint::rules
