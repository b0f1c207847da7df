#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

class GeoLatencySingleRegion final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            const EffectivePolicy effective =
                effective_allocation_policy(snapshot, *entry.settings);
            if (effective.policy != AllocationPolicy::geo_latency)
                continue;
            const auto hubs = eligible_hubs(*snapshot.known_linked_hubs(), *entry.settings);
            if (hubs.empty())
                continue;  // allocation.no-eligible-hub
            const std::string region = normalized_location(hubs.front()->location);
            bool one_region = !region.empty();
            for (const LinkedHub* hub : hubs)
                one_region = one_region && normalized_location(hub->location) == region;
            if (!one_region)
                continue;
            const std::string policy = std::string("geoLatency allocation")
                                       + (effective.from_service ? " (the service default)" : "");
            sink.report(
                entry.describe() + " uses " + policy + " but "
                    + (hubs.size() == 1
                           ? "its only eligible IoT hub is"
                           : "all " + std::to_string(hubs.size()) + " eligible IoT hubs are")
                    + " in '" + hubs.front()->location + "', so latency cannot differ",
                entry.location(entry.settings->allocation_policy ? "/allocationPolicy" : ""));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.geolatency-single-region",
        .title = "Geo-latency allocation over hubs in one region",
        .severity = Severity::notice,
        .inspects = Target::enrollment_group,
        .needs = {InputPart::linked_hubs},
        .rationale =
            "Geo-latency allocation picks the hub with the lowest latency to the device and breaks "
            "ties by weighted hashing. When every eligible hub is in the same Azure region the "
            "latencies are equal, so the policy reduces to hashed allocation.",
        .citation = std::string(citation::dps_allocation),
        .fix = "Link hubs in the regions the devices are in, or use hashed allocation to say what "
               "actually happens.",
        .example = "allocationPolicy 'geoLatency' with both linked hubs in eastus",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_geolatency_single_region() {
    return std::make_unique<allocation::GeoLatencySingleRegion>();
}

}  // namespace dpslint::rules
