#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class NotYetValid final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const TimePoint at = device.context->at();
        if (device.leaf().not_before() <= at)
            return;
        sink.report(describe(device.leaf()) + " is not valid before "
                        + format_date(device.leaf().not_before()) + " (evaluated at "
                        + format_date(at) + "), so DPS rejects its registration with 401002",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.not-yet-valid",
        .title = "Device certificate is not yet valid",
        .severity = Severity::error,
        .inspects = Target::device_certificate,
        .rationale =
            "A certificate is valid only from its notBefore time (RFC 5280 §4.1.2.5); until then "
            "DPS rejects the TLS client certificate (401002). A notBefore in the future usually "
            "means a wrong clock on the issuing machine.",
        .citation = "RFC 5280 §4.1.2.5",
        .fix =
            "Re-issue the certificate with a notBefore at or before the time it is deployed (check "
            "the issuing CA's clock).",
        .example = "notBefore 2031-01-01 evaluated at 2026-12-01",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_not_yet_valid() {
    return std::make_unique<device::NotYetValid>();
}

}  // namespace dpslint::rules
