#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

class BlocklistNoEffect final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& enrollment : *context.snapshot()->individuals) {
            if (enrollment.settings.enabled)
                continue;
            const auto& id = enrollment.registration_id;
            Location location = enrollment::individual_location(enrollment);
            location.json_pointer += "/provisioningStatus";
            const auto devices = context.devices_with_registration_id(id);
            if (devices.empty()) {
                sink.report("disabled individual enrollment '" + id
                                + "' blocks nothing in this batch: no given device "
                                  "certificate ("
                                + std::to_string(context.devices().size())
                                + " in all) has registration ID '" + id + "'",
                            std::move(location));
                continue;
            }
            std::vector<std::string> why;
            bool admitted_otherwise = false;
            for (const DeviceContext* device : devices) {
                if (!device->attestation)
                    continue;
                const auto decider =
                    context.deciding_group(enrollment::chain_above_leaf(*device->attestation));
                std::string reason;
                if (decider.group == nullptr) {
                    reason = "no enrollment group uses any certificate of its chain";
                } else if (!decider.group->group->settings.enabled) {
                    reason = "the first group in its chain, '" + decider.group->group->id
                             + "', is disabled";
                } else {
                    admitted_otherwise = true;
                    break;
                }
                if (std::find(why.begin(), why.end(), reason) == why.end())
                    why.push_back(reason);
            }
            if (admitted_otherwise || why.empty())
                continue;
            sink.report("disabled individual enrollment '" + id + "' has no effect on the "
                            + plural(devices.size(), "given device",
                                                         "given devices")
                            + " with that registration ID, which no enabled enrollment group "
                              "would admit anyway: "
                            + join_and(why),
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.blocklist-no-effect",
        .title =
            "Disabled individual enrollment blocks no given device that would otherwise provision",
        .severity = Severity::warning,
        .inspects = Target::individual_enrollment,
        // Needs the device certificates in memory (not a streamed batch) to know what a block
        // blocks.
        .needs = {InputPart::individual_enrollments, InputPart::devices},
        .rationale =
            "The documented way to block one device of a group is a disabled individual enrollment "
            "with its registration ID: DPS checks individual enrollments first and stops there. "
            "Such a block only matters for a device that exists and that an enabled group would "
            "otherwise admit; one whose registration ID matches no given device (a typo, a case or "
            "naming mismatch with the certificate CN) or whose devices no group admits does not "
            "protect what it was meant to. Only the given devices are considered.",
        .citation = std::string(citation::dps_revoke),
        .fix =
            "Check that the registration ID equals the CN of the device certificate to block; keep "
            "the entry (never delete it, or the device falls through to its group) if it guards "
            "devices outside this batch.",
        .example =
            "disabled individual enrollment 'device-01' while the device certificate's CN is "
            "'device-001'",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_blocklist_no_effect() {
    return std::make_unique<individual::BlocklistNoEffect>();
}

}  // namespace dpslint::rules
