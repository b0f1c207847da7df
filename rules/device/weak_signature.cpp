#include "dpslint/algorithm_policy.hpp"

#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class WeakSignature final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const SignatureAlgorithm& algorithm = device.leaf().signature_algorithm();
        if (algorithm.hash != HashAlgorithm::md5 && algorithm.hash != HashAlgorithm::sha1)
            return;
        const std::string why = AlgorithmPolicy{}.check_signature(algorithm);
        if (why.empty())
            return;
        sink.report(describe(device.leaf()) + " is signed with a weak hash: " + why,
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.weak-signature",
        .title = "Device certificate is signed with MD5 or SHA-1",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "MD5 and SHA-1 are collision-prone, so a signature over them no longer binds the "
            "certificate's contents to its issuer. DPS publishes no signature-hash policy and "
            "SHA-1-signed device certificates are not a documented failure cause, so this is "
            "hygiene; Microsoft's certGen.sh calls SHA-1 deprecated and uses SHA-256.",
        .citation = "RFC 5280 §4.1.1.2",
        .fix = "Re-issue the device certificate with a SHA-256 (or stronger) signature.",
        .example = "sha1WithRSAEncryption device certificate",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_weak_signature() {
    return std::make_unique<device::WeakSignature>();
}

}  // namespace dpslint::rules
