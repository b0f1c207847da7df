#include <array>
#include <charconv>

#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

// The oldest API version DPS sends custom allocation requests in (2021-10-01 service spec).
constexpr std::array<int, 3> minimum_date{2018, 9, 1};
constexpr std::string_view minimum_version = "2018-09-01-preview";

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// "2021-10-01" or "2018-09-01-preview" as {year, month, day}; nullopt for anything else.
std::optional<std::array<int, 3>> api_version_date(std::string_view text) {
    if (text.size() == 18 && text.substr(10) == "-preview")
        text = text.substr(0, 10);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    std::array<int, 3> date{};
    const std::array<std::pair<std::size_t, std::size_t>, 3> fields{{{0, 4}, {5, 2}, {8, 2}}};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto [start, length] = fields[i];
        for (std::size_t k = start; k < start + length; ++k) {
            if (text[k] < '0' || text[k] > '9')
                return std::nullopt;
        }
        std::from_chars(text.data() + start, text.data() + start + length, date[i]);
    }
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (date[1] < 1 || date[1] > 12 || date[2] < 1)
        return std::nullopt;
    const int month_days =
        days[static_cast<std::size_t>(date[1] - 1)] + (date[1] == 2 && leap(date[0]) ? 1 : 0);
    if (date[2] > month_days)
        return std::nullopt;
    return date;
}

class CustomApiVersion final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            const EnrollmentSettings& settings = *entry.settings;
            if (effective_allocation_policy(snapshot, settings).policy != AllocationPolicy::custom
                || !settings.custom_allocation || settings.custom_allocation->api_version.empty())
                continue;  // a missing definition is allocation.custom-definition-missing
            const std::string& version = settings.custom_allocation->api_version;
            const auto date = api_version_date(version);
            if (!date) {
                sink.report(entry.describe() + " has custom allocation apiVersion '" + version
                                + "', which is not a DPS API version (YYYY-MM-DD, optionally "
                                  "with -preview)",
                            entry.location("/customAllocationDefinition/apiVersion"));
            } else if (*date < minimum_date) {
                sink.report(entry.describe() + " has custom allocation apiVersion '" + version
                                + "', older than the minimum " + std::string(minimum_version),
                            entry.location("/customAllocationDefinition/apiVersion"));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.custom-api-version",
        .title = "Custom allocation apiVersion is invalid or too old",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .rationale = "customAllocationDefinition.apiVersion is the DPS API version of the "
                     "allocation request "
                     "sent to the webhook; the service API specifies a minimum of "
                     "2018-09-01-preview. A value "
                     "that is not a date-form API version, or an older one, is not a version DPS "
                     "can call the "
                     "webhook with.",
        .citation = std::string(citation::dps_service_api),
        .fix =
            "Set apiVersion to the version the webhook is written against, for example 2021-10-01 "
            "(2018-09-01-preview or later).",
        .example = "customAllocationDefinition.apiVersion '2017-11-15'",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_custom_api_version() {
    return std::make_unique<allocation::CustomApiVersion>();
}

}  // namespace dpslint::rules
