#include "rule_support.hpp"
#include "twin/twin_support.hpp"

namespace dpslint::rules::twin {

namespace {

class ReportedPresent final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& twin : enrollment_twins(*context.snapshot())) {
            const auto properties = twin.twin->find("properties");
            if (properties == twin.twin->end() || !properties->is_object())
                continue;
            const auto reported = properties->find("reported");
            // An empty collection is what create/update output leaves after its null metadata.
            if (reported == properties->end() || reported->is_null()
                || (reported->is_object() && reported->empty()))
                continue;
            sink.report(twin.entry.describe()
                            + " initialTwin has properties.reported, which DPS does not apply: "
                              "the device owns its reported properties",
                        twin.location("/initialTwin/properties/reported"));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "twin.reported-present",
        .title = "Initial twin sets reported properties",
        .severity = Severity::error,
        .inspects = Target::initial_twin,
        .rationale =
            "A DPS initialTwin holds tags and desired properties only; reported properties belong "
            "to the device and are written by it. Values under properties.reported are not part of "
            "the initial twin DPS applies, so whatever they were meant to seed never reaches the "
            "hub.",
        .citation = std::string(citation::dps_service_api),
        .fix = "Move the values to properties.desired (the device can echo them as reported) or to "
               "tags, and remove properties.reported.",
        .example = "initialTwin.properties.reported {\"firmware\": \"1.0\"}",
    });
};

}  // namespace

}  // namespace dpslint::rules::twin

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_twin_reported_present() {
    return std::make_unique<twin::ReportedPresent>();
}

}  // namespace dpslint::rules
