#include "device_support.hpp"
#include "key_policy_options.hpp"

namespace dpslint::rules::device {

namespace {

class WeakKey final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions& options,
               FindingSink& sink) const override {
        const AlgorithmPolicy policy = key_policy(options);
        const std::string why = policy.check_key(device.leaf().public_key());
        if (why.empty())
            return;
        sink.report(describe(device.leaf()) + " has a weak or unusual key: " + why,
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.weak-key",
        .title = "Device certificate key is weak or on an unusual curve",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "DPS publishes no minimum key size or curve list and accepts what a TLS stack accepts "
            "(RSA and ECC device certificates both work), so this is hygiene: RSA keys under 2048 "
            "bits are breakable, and curves outside P-256/P-384/P-521 (such as secp256k1) are not "
            "offered by many TLS stacks.",
        .citation = "RFC 5280 §4.1.2.7",
        .fix = "Issue the device certificate for an RSA key of at least 2048 bits or an EC key on "
               "P-256, P-384 or P-521.",
        .options = key_policy_options(),
        .example = "RSA-1024 device key",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_weak_key() {
    return std::make_unique<device::WeakKey>();
}

}  // namespace dpslint::rules
