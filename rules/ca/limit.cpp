#include "ca/ca_support.hpp"

namespace dpslint::rules {

namespace {

class Limit final : public ca::CaRule {
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
    RuleMetadata metadata_ = lint::make_metadata(
        "ca.limit", "More uploaded CA certificates than the DPS limit", Severity::warning,
        Target::ca_record,
        "DPS limits the number of CA certificates uploaded to one instance (25 in the published "
        "quota table; earlier documented as not adjustable, later as adjustable). Uploads beyond "
        "the limit fail unless it was raised for this instance, so a snapshot above it either "
        "has a raised quota or is hand-edited.",
        std::string(citation::dps_limits),
        "Delete unused and duplicate CA records (see ca.unused, ca.duplicate), or request a quota "
        "increase and set this rule's `max` to the granted value.",
        {RuleOption{"max", "integer", 25, "CA certificates allowed per DPS instance", 0, 1000000}},
        "26 records in certificates.json");
};

}  // namespace

std::unique_ptr<lint::Rule> make_ca_limit() {
    return std::make_unique<Limit>();
}

}  // namespace dpslint::rules
