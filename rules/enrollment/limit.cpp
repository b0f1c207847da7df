#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class Limit final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const long long max = options.integer("max");
        long long count = 0;
        for (const auto& group : context.groups()) {
            if (is_x509(group))
                ++count;
        }
        if (count <= max)
            return;
        Location location;
        const auto& groups = context.snapshot()->groups;
        location.file = groups.empty() || groups.front().settings.source.file.empty()
                            ? "enrollment-groups.json"
                            : groups.front().settings.source.file;
        sink.report("the DPS has " + std::to_string(count)
                        + " X.509 enrollment groups, more than the limit of " + std::to_string(max)
                        + " per DPS instance",
                    std::move(location));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.limit",
        .title = "More X.509 enrollment groups than the DPS limit",
        .severity = Severity::warning,
        .inspects = Target::enrollment_group,
        .rationale =
            "A DPS instance holds at most 100 X.509 enrollment groups (DPS quotas and "
            "limits); creating more fails, so a snapshot or template above the limit cannot be "
            "deployed as it is.",
        .citation = std::string(citation::dps_limits),
        .fix = "Consolidate groups (one group per issuing CA, settings shared) or split devices "
               "across DPS instances; set `max` if your instance has a different quota.",
        .options = {{.name = "max",
                     .type = OptionType::integer,
                     .default_value = 100,
                     .description = "the X.509 enrollment-group limit per DPS instance",
                     .minimum = 0,
                     .maximum = 1000000}},
        .example = "101 X.509 enrollment groups",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_limit() {
    return std::make_unique<enrollment::Limit>();
}

}  // namespace dpslint::rules
