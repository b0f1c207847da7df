#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

class Expired final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            std::optional<TimePoint> expiry = record.expiry;
            Location location = ca::property_location(view, "expiry");
            std::string source;
            if (!expiry && record.certificate) {
                expiry = record.certificate->not_after();
                location = view.location();
                source = " (notAfter of " + record.certificate_file + ")";
            }
            if (!expiry || *expiry >= context.at())
                continue;
            const std::string groups =
                view.used_by.empty()
                    ? std::string()
                    : "; devices of " + quoted_list(view.used_by, [](const EnrollmentGroup* g) {
                          return g->id;
                      }) + " that chain through it fail with 401002";
            sink.report(ca::record_label(record) + " expired on " + format_date(*expiry) + source
                            + ", " + std::to_string(days_between(*expiry, context.at()))
                            + " days before the evaluation time" + groups,
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.expired",
        .title = "Uploaded CA certificate has expired",
        .severity = Severity::error,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "A chain through an expired CA certificate fails path validation (RFC 5280 §6.1.3 "
            "(a)(2)), so DPS rejects every device that chains through it (401002). Test CAs made "
            "with certGen.sh expire after 30 days by default. The record's exported expiry is "
            "used, or the paired CA file's notAfter when the export has none.",
        .citation = "RFC 5280 §6.1.3 (a)(2)",
        .fix = "Issue a new CA certificate (same key or new), upload and verify it, move the "
               "enrollment groups to it, re-issue device certificates if the key changed, then "
               "delete the expired record.",
        .example = "record 'old-intermediate' with expiry 2025-01-01, linted at 2026-12-01",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_expired() {
    return std::make_unique<ca::Expired>();
}

}  // namespace dpslint::rules
