#include "dpslint/certificate_pool.hpp"

#include "device_support.hpp"

namespace dpslint::rules {

namespace {

// The leaf's issuer: the next link DPS walked, else the first presented certificate that could
// have issued it, else a snapshot CA that did.
CertificatePtr issuer_of(const DeviceContext& device) {
    const Certificate& leaf = device.leaf();
    if (device.attestation && device.attestation->chain.size() > 1)
        return device.attestation->chain[1].certificate;
    for (const auto& c : device.device.presented) {
        if (c->sha256() != leaf.sha256() && c->subject() == leaf.issuer()
            && could_have_issued(*c, leaf))
            return c;
    }
    if (device.context != nullptr)
        return device.context->issuer_of(leaf);
    return nullptr;
}

class OutlivesIssuer final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const Certificate& leaf = device.leaf();
        if (leaf.is_self_issued())
            return;
        const CertificatePtr issuer = issuer_of(device);
        if (!issuer || leaf.not_after() <= issuer->not_after())
            return;
        sink.report(device_support::describe(leaf) + " is valid until "
                        + format_date(leaf.not_after()) + ", after its issuer '" + issuer->label()
                        + "' expires on " + format_date(issuer->not_after())
                        + "; from then on its chain no longer validates",
                    device.location());
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "device.outlives-issuer", "Device certificate outlives its issuing CA", Severity::warning,
        Target::device_certificate,
        "A path validates only while every certificate in it is within its validity period "
        "(RFC 5280 §4.1.2.5, §6.1.3): once the issuing CA expires, the device certificate stops "
        "authenticating with DPS (401002) even though its own notAfter is later, so its real "
        "lifetime is shorter than it says and renewal plans based on it come too late.",
        "RFC 5280 §4.1.2.5",
        "Issue device certificates that end no later than their issuing CA, or renew the CA "
        "(same key and subject) before it expires and re-upload it to DPS.",
        {}, "device certificate valid until 2040 under an intermediate that expires in 2035");
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_outlives_issuer() {
    return std::make_unique<OutlivesIssuer>();
}

}  // namespace dpslint::rules
