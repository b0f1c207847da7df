#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

class ExpiringSoon final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const long long days = options.integer("days");
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            const std::optional<TimePoint> expiry = ca::record_expiry(record);
            Location location = ca::property_location(view, "expiry");
            std::string source;
            if (!record.expiry && expiry) {
                location = view.location();
                source = " (notAfter of " + record.certificate_file + ")";
            }
            if (!expiry || *expiry < context.at())
                continue;  // ca.expired
            const long long left = days_between(context.at(), *expiry);
            if (left >= days)
                continue;
            sink.report(ca::record_label(record) + " expires on " + format_date(*expiry) + source
                            + ", in " + std::to_string(left) + " days (threshold "
                            + std::to_string(days) + ")",
                        std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.expiring-soon",
        .title = "Uploaded CA certificate expires soon",
        .severity = Severity::warning,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "Once a CA certificate expires, every device that chains through it fails path "
            "validation and DPS rejects it (401002); replacing a CA means uploading and verifying "
            "the new one and moving the groups, which takes lead time. Test CAs made with "
            "certGen.sh expire after 30 days by default.",
        .citation = "RFC 5280 §4.1.2.5",
        .fix = "Issue and upload (and verify) the successor CA now, add it to the groups as the "
               "secondary CA reference, and roll devices over before the expiry.",
        .options = {{.name = "days",
                     .type = OptionType::integer,
                     .default_value = 90,
                     .description =
                         "warn when the CA expires within this many days of the evaluation time",
                     .minimum = 0,
                     .maximum = 36500}},
        .example = "record 'my-intermediate-ca' expiring 30 days after the evaluation time",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_expiring_soon() {
    return std::make_unique<ca::ExpiringSoon>();
}

}  // namespace dpslint::rules
