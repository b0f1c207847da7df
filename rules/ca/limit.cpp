#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

class Limit final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const auto& records = *context.snapshot()->certificates;
        const long long max = options.integer("max");
        if (records.empty() || static_cast<long long>(records.size()) <= max)
            return;
        // The list itself: the parent of the first record's pointer ("/value" or "").
        Location location;
        location.file = records.front().source.file;
        const std::string& first = records.front().source.pointer;
        const auto slash = first.rfind('/');
        location.json_pointer = slash == std::string::npos ? std::string() : first.substr(0, slash);
        sink.report("certificates.json lists " + std::to_string(records.size())
                        + " CA certificates, more than the DPS limit of " + std::to_string(max)
                        + " per instance (adjustable on request in current documentation)",
                    std::move(location));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.limit",
        .title = "More uploaded CA certificates than the DPS limit",
        .severity = Severity::warning,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "DPS limits the number of CA certificates uploaded to one instance (25 in the "
            "published quota table; earlier documented as not adjustable, later as adjustable). "
            "Uploads beyond the limit fail unless it was raised for this instance, so a snapshot "
            "above it either has a raised quota or is hand-edited.",
        .citation = std::string(citation::dps_limits),
        .fix = "Delete unused and duplicate CA records (see ca.unused, ca.duplicate), or request a "
               "quota increase and set this rule's `max` to the granted value.",
        .options = {{.name = "max",
                     .type = OptionType::integer,
                     .default_value = 25,
                     .description = "CA certificates allowed per DPS instance",
                     .minimum = 0,
                     .maximum = 1000000}},
        .example = "26 records in certificates.json",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_limit() {
    return std::make_unique<ca::Limit>();
}

}  // namespace dpslint::rules
