#include "device_support.hpp"

namespace dpslint::rules {

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
        sink.report(device_support::describe(device.leaf()) + " and the chain it presents ("
                        + std::to_string(count) + (count == 1 ? " certificate" : " certificates")
                        + ") total " + std::to_string(total) + " bytes of DER, above "
                        + std::to_string(limit),
                    device.location());
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "device.chain-too-large", "Device certificate chain is larger than device TLS buffers",
        Severity::warning, Target::device_certificate,
        "The device sends its certificate and chain in the TLS handshake. DPS documents no "
        "certificate size or chain length limit, but constrained device TLS stacks are often "
        "limited to about 4 KB of certificates, and RSA-4096 chains exceed that; the handshake "
        "then fails on the device before DPS sees it.",
        std::string(citation::dps_limits),
        "Use ECC (P-256) keys for the device and its intermediates, present only the "
        "intermediates DPS needs (verify the intermediate so the chain can stop there), or "
        "enlarge the device's TLS buffer.",
        {RuleOption{"max-bytes", "integer", 4096,
                    "largest total DER size of the device certificate plus presented chain", 0,
                    1073741824}},
        "RSA-4096 device certificate presenting two RSA-4096 intermediates");
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_chain_too_large() {
    return std::make_unique<ChainTooLarge>();
}

}  // namespace dpslint::rules
