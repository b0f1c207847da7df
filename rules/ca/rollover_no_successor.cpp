#include "dpslint/distinguished_name.hpp"

#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

// The CN a record names: its certificate's, else the one its exported subject names (a bare CN,
// "CN=..." or a whole DN), else that subject as it is.
std::string common_name(const CaRecord& record) {
    if (record.certificate) {
        const auto cns = record.certificate->subject().common_names();
        return cns.empty() ? record.certificate->subject().text() : cns.front();
    }
    const auto cns = common_names_in_text(record.subject);
    return cns.empty() ? record.subject : cns.front();
}

class RolloverNoSuccessor final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const long long days = options.integer("days");
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            const auto expiry = record_expiry(record);
            if (!record.is_verified || !expiry || *expiry < context.at())
                continue;  // unverified: nothing to succeed; expired: ca.expired
            const long long left = days_between(context.at(), *expiry);
            if (left >= days || has_successor(context, view, *expiry))
                continue;
            std::string message = ca::record_label(record) + " is verified and expires on "
                                  + format_date(*expiry) + ", in " + std::to_string(left)
                                  + " days (threshold " + std::to_string(days)
                                  + "), and no verified CA record with the same name or in the "
                                    "same groups outlives it";
            if (!view.used_by.empty()) {
                message +=
                    "; groups using it: "
                    + quoted_list(view.used_by, [](const EnrollmentGroup* g) { return g->id; });
            }
            sink.report(std::move(message), ca::property_location(view, "expiry"));
        }
    }

private:
    // A successor: another verified record that lives longer and either names the same CA (its
    // renewal) or sits in the other CA slot of a group that uses this one (already rolled in).
    static bool has_successor(const LintContext& context, const lint::CaRecordView& view,
                              TimePoint expiry) {
        const std::string name = common_name(*view.record);
        for (const auto& other : context.ca_records()) {
            const CaRecord& candidate = *other.record;
            if (&candidate == view.record || !candidate.is_verified)
                continue;
            const auto later = record_expiry(candidate);
            if (!later || *later <= expiry)
                continue;
            if (!name.empty() && iequals(name, common_name(candidate)))
                return true;
            for (const EnrollmentGroup* group : other.used_by) {
                if (std::find(view.used_by.begin(), view.used_by.end(), group)
                    != view.used_by.end())
                    return true;
            }
        }
        return false;
    }

    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.rollover-no-successor",
        .title = "Verified CA expires soon with no successor verified",
        .severity = Severity::warning,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "When a verified CA certificate expires, DPS can no longer build a trusted path "
            "through it and every device under it fails to register (401002). A rollover needs the "
            "successor CA uploaded and verified (proof of possession) and put into the groups' "
            "secondary slot before the old one expires; ca.expiring-soon says the date, this rule "
            "says nothing is ready to take over.",
        .citation = std::string(citation::dps_verify_certificates) + "; RFC 5280 §4.1.2.5",
        .fix =
            "Issue the successor CA (same subject, new key and validity), upload and verify it in "
            "DPS, add it to each group as the secondary CA reference, then re-issue device "
            "certificates under it.",
        .options =
            {{.name = "days",
              .type = OptionType::integer,
              .default_value = 90,
              .description =
                  "warn when the verified CA expires within this many days of the evaluation time",
              .minimum = 0,
              .maximum = 36500}},
        .example =
            "verified record 'my-intermediate-ca' expiring in 30 days, no other verified record",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_rollover_no_successor() {
    return std::make_unique<ca::RolloverNoSuccessor>();
}

}  // namespace dpslint::rules
