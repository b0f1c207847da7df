#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class ExpiringSoon final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions& options,
               FindingSink& sink) const override {
        const TimePoint at = device.context->at();
        const Certificate& leaf = device.leaf();
        if (leaf.not_after() < at || leaf.not_before() > at)
            return;  // device.expired / device.not-yet-valid
        const long long days = options.integer("days");
        if (leaf.not_after() > at + std::chrono::days(days))
            return;
        const long long left = days_between(at, leaf.not_after());
        sink.report(describe(leaf) + " expires on " + format_date(leaf.not_after()) + ", in "
                        + std::to_string(left) + (left == 1 ? " day" : " days") + " (evaluated at "
                        + format_date(at) + ")",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.expiring-soon",
        .title = "Device certificate expires soon",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "Once the device certificate expires (RFC 5280 §4.1.2.5) DPS rejects the device's "
            "registrations and re-provisioning; renewal has to reach the device before then. "
            "certGen.sh test certificates live only 30 days by default.",
        .citation = "RFC 5280 §4.1.2.5",
        .fix = "Renew the device certificate (keep the CN so the registration ID is unchanged) and "
               "roll it out before it expires.",
        .options = {{.name = "days",
                     .type = OptionType::integer,
                     .default_value = 30,
                     .description = "warn when the certificate expires within this many days",
                     .minimum = 0,
                     .maximum = 36500}},
        .example = "notAfter 2030-01-01 evaluated at 2029-12-15",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_expiring_soon() {
    return std::make_unique<device::ExpiringSoon>();
}

}  // namespace dpslint::rules
