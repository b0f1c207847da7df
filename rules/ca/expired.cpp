#include "ca/ca_support.hpp"

namespace dpslint::rules {

namespace {

class Expired final : public ca::CaRule {
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
                    : "; devices of " + ca::quoted_list(view.used_by, [](const EnrollmentGroup* g) {
                          return g->id;
                      }) + " that chain through it fail with 401002";
            sink.report(ca::record_label(record) + " expired on " + format_date(*expiry) + source
                            + ", " + std::to_string(days_between(*expiry, context.at()))
                            + " days before the evaluation time" + groups,
                        std::move(location));
        }
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "ca.expired", "Uploaded CA certificate has expired", Severity::error, Target::ca_record,
        "A chain through an expired CA certificate fails path validation (RFC 5280 §6.1.3 "
        "(a)(2)), so DPS rejects every device that chains through it (401002). Test CAs made with "
        "certGen.sh expire after 30 days by default. The record's exported expiry is used, or the "
        "paired CA file's notAfter when the export has none.",
        "RFC 5280 §6.1.3 (a)(2)",
        "Issue a new CA certificate (same key or new), upload and verify it, move the enrollment "
        "groups to it, re-issue device certificates if the key changed, then delete the expired "
        "record.",
        {}, "record 'old-intermediate' with expiry 2025-01-01, linted at 2026-12-01");
};

}  // namespace

std::unique_ptr<lint::Rule> make_ca_expired() {
    return std::make_unique<Expired>();
}

}  // namespace dpslint::rules
