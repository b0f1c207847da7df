#include "device_support.hpp"

namespace dpslint::rules {

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
        sink.report(device_support::describe(leaf) + " expires on " + format_date(leaf.not_after())
                        + ", in " + std::to_string(left) + (left == 1 ? " day" : " days")
                        + " (evaluated at " + format_date(at) + ")",
                    device.location());
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "device.expiring-soon", "Device certificate expires soon", Severity::warning,
        Target::device_certificate,
        "Once the device certificate expires (RFC 5280 §4.1.2.5) DPS rejects the device's "
        "registrations and re-provisioning; renewal has to reach the device before then. "
        "certGen.sh test certificates live only 30 days by default.",
        "RFC 5280 §4.1.2.5",
        "Renew the device certificate (keep the CN so the registration ID is unchanged) and roll "
        "it out before it expires.",
        {RuleOption{"days", "integer", 30,
                    "warn when the certificate expires within this many days", 0, 36500}},
        "notAfter 2030-01-01 evaluated at 2029-12-15");
};

}  // namespace

std::unique_ptr<lint::Rule> make_device_expiring_soon() {
    return std::make_unique<ExpiringSoon>();
}

}  // namespace dpslint::rules
