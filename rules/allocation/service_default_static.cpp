#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class ServiceDefaultStatic final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        const ServiceSettings& service = *snapshot.service;
        if (service.allocation_policy != AllocationPolicy::static_hub)
            return;
        std::size_t relying = 0;
        std::vector<std::string> without_hub;
        for (const auto& entry : all_enrollments(snapshot)) {
            if (!effective_allocation_policy(snapshot, *entry.settings).from_service)
                continue;
            ++relying;
            if (named_hubs(*entry.settings).empty())
                without_hub.push_back(entry.describe());
        }
        Location location;
        location.file = service.source.file;
        location.json_pointer = service.source.pointer + "/properties/allocationPolicy";
        std::string message = "DPS instance '" + service.name
                              + "' has the service default allocation policy Static, followed by "
                              + std::to_string(relying) + " enrollment" + (relying == 1 ? "" : "s")
                              + " without a policy of their own (changing the default changes "
                                "them all)";
        if (!without_hub.empty()) {
            message += "; " + std::to_string(without_hub.size()) + " of them name"
                       + (without_hub.size() == 1 ? "s" : "")
                       + " no IoT hub: " + join_and(without_hub, 5);
        }
        sink.report(std::move(message), std::move(location));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.service-default-static",
        .title = "Service default allocation policy is Static",
        .severity = Severity::warning,
        .inspects = Target::service,
        .needs = {InputPart::service_settings},
        .rationale =
            "An enrollment without its own allocationPolicy uses the service default current at "
            "registration time. With a Static default every such enrollment must name exactly one "
            "hub, and changing the default later silently changes the allocation of all of them. "
            "New DPS instances default to Hashed (the portal writes an explicit policy on save).",
        .citation = std::string(citation::dps_allocation),
        .fix = "Give each enrollment an explicit allocationPolicy (static with its hub in iotHubs "
               "where intended), then consider setting the service default back to Hashed.",
        .example =
            "dps.json properties.allocationPolicy 'Static' and an enrollment without a policy or "
            "iotHubs",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_service_default_static() {
    return std::make_unique<allocation::ServiceDefaultStatic>();
}

}  // namespace dpslint::rules
