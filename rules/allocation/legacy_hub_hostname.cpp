#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class LegacyHubHostname final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& entry : all_enrollments(*context.snapshot())) {
            const EnrollmentSettings& settings = *entry.settings;
            if (settings.iot_hub_host_name.empty())
                continue;
            sink.report(entry.describe() + " uses the deprecated iotHubHostName '"
                            + settings.iot_hub_host_name + "'"
                            + (settings.iot_hubs.empty() ? "" : " next to iotHubs")
                            + "; name the hub in iotHubs instead",
                        entry.location("/iotHubHostName"));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.legacy-hub-hostname",
        .title = "Enrollment uses the deprecated iotHubHostName",
        .severity = Severity::warning,
        .inspects = Target::enrollment_group,
        .rationale =
            "iotHubHostName is the legacy way to pin an enrollment to one hub and implies static "
            "allocation; the CLI deprecated --iot-hub-host-name in favour of --iot-hubs. Tools and "
            "readers that only look at allocationPolicy and iotHubs miss the pin.",
        .citation = std::string(citation::dps_allocation),
        .fix = "Set allocationPolicy static and iotHubs to that hub, and clear iotHubHostName.",
        .example = "iotHubHostName 'hub-a.azure-devices.net' and no iotHubs",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_legacy_hub_hostname() {
    return std::make_unique<allocation::LegacyHubHostname>();
}

}  // namespace dpslint::rules
