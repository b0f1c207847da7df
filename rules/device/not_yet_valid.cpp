#include "device_support.hpp"

namespace dpslint::rules {

namespace {

class NotYetValid final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const TimePoint at = device.context->at();
        if (device.leaf().not_before() <= at)
            return;
        sink.report(device_support::describe(device.leaf()) + " is not valid before "
                        + format_date(device.leaf().not_before()) + " (evaluated at "
                        + format_date(at) + "), so DPS rejects its registration with 401002",
                    device.location());
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "device.not-yet-valid", "Device certificate is not yet valid", Severity::error,
        Target::device_certificate,
        "A certificate is valid only from its notBefore time (RFC 5280 §4.1.2.5); until then "
        "DPS rejects the TLS client certificate (401002). A notBefore in the future usually "
        "means a wrong clock on the issuing machine.",
        "RFC 5280 §4.1.2.5",
        "Re-issue the certificate with a notBefore at or before the time it is deployed (check "
        "the issuing CA's clock).",
        {}, "notBefore 2031-01-01 evaluated at 2026-12-01");
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_not_yet_valid() {
    return std::make_unique<NotYetValid>();
}

}  // namespace dpslint::rules
