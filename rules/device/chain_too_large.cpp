#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class ChainTooLarge final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions& options,
               FindingSink& sink) const override {
        std::size_t total = device.leaf().der().size();
        for (const auto& c : device.device.presented)
            total += c->der().size();
        const long long limit = options.integer("max-bytes");
        if (static_cast<long long>(total) <= limit)
            return;
        const std::size_t count = device.device.presented.size() + 1;
        sink.report(describe(device.leaf()) + " and the chain it presents (" + std::to_string(count)
                        + (count == 1 ? " certificate" : " certificates") + ") total "
                        + std::to_string(total) + " bytes of DER, above " + std::to_string(limit),
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.chain-too-large",
        .title = "Device certificate chain is larger than device TLS buffers",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "The device sends its certificate and chain in the TLS handshake. DPS documents no "
            "certificate size or chain length limit, but constrained device TLS stacks are often "
            "limited to about 4 KB of certificates, and RSA-4096 chains exceed that; the handshake "
            "then fails on the device before DPS sees it.",
        .citation = std::string(citation::dps_limits),
        .fix = "Use ECC (P-256) keys for the device and its intermediates, present only the "
               "intermediates DPS needs (verify the intermediate so the chain can stop there), or "
               "enlarge the device's TLS buffer.",
        .options = {{.name = "max-bytes",
                     .type = OptionType::integer,
                     .default_value = 4096,
                     .description =
                         "largest total DER size of the device certificate plus presented chain",
                     .minimum = 0,
                     .maximum = 1073741824}},
        .example = "RSA-4096 device certificate presenting two RSA-4096 intermediates",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_chain_too_large() {
    return std::make_unique<device::ChainTooLarge>();
}

}  // namespace dpslint::rules
