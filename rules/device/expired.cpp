#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class Expired final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const TimePoint at = device.context->at();
        if (device.leaf().not_after() >= at)
            return;
        sink.report(describe(device.leaf()) + " expired on "
                        + format_date(device.leaf().not_after()) + " (evaluated at "
                        + format_date(at) + "), so DPS rejects its registration with 401002",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.expired",
        .title = "Device certificate has expired",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .rationale =
            "A certificate is valid only within its validity period (RFC 5280 §4.1.2.5); DPS "
            "authenticates the device by TLS client certificate and rejects an expired one "
            "(401002). Test certificates from certGen.sh expire after 30 days by default.",
        .citation = "RFC 5280 §4.1.2.5",
        .fix =
            "Issue the device a new certificate (same CN, so the registration ID is unchanged) and "
            "deploy it before provisioning.",
        .example = "notAfter 2021-01-01 evaluated at 2026-12-01",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_expired() {
    return std::make_unique<device::Expired>();
}

}  // namespace dpslint::rules
