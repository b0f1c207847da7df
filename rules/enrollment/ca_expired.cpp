#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

// When the group's CA stops being valid: the certificate body's notAfter, else the DPS record's
// expiry, else the inline certificate's info.notAfterUtc.
std::optional<TimePoint> expiry_of(const lint::GroupView& group, const lint::GroupCa& ca) {
    if (ca.certificate)
        return ca.certificate->not_after();
    if (ca.record != nullptr && ca.record->expiry)
        return ca.record->expiry;
    if (!ca.by_reference && group.group->settings.attestation.x509) {
        const auto& x = *group.group->settings.attestation.x509;
        const auto& entry = ca.slot == "primary" ? x.signing_primary : x.signing_secondary;
        if (entry && entry->info && entry->info->not_after)
            return entry->info->not_after;
    }
    return std::nullopt;
}

class CaExpired final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            if (!is_x509(group))
                continue;
            for (const auto& ca : group.cas) {
                const auto expiry = expiry_of(group, ca);
                if (!expiry || *expiry >= context.at())
                    continue;
                const bool enabled = group.group->settings.enabled;
                std::string message = "enrollment group '" + group.group->id + "' is on "
                                      + ca_name(ca) + " (" + ca.slot + "), which expired on "
                                      + format_date(*expiry);
                message += enabled ? ", so no device chain through it validates"
                                   : " (the group is disabled, so it only matters if re-enabled)";
                sink.report_as(enabled ? Severity::error : Severity::notice, std::move(message),
                               ca_location(group, ca));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.ca-expired",
        .title = "Enrollment group's CA certificate has expired",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .rationale =
            "DPS validates the device's chain up to the group's CA; a CA certificate past its "
            "notAfter makes every path through it invalid (RFC 5280 §6.1.3 (a)(2)), so every "
            "device under the group fails to register. Reported as a notice for a disabled group.",
        .citation = "RFC 5280 §6.1.3 (a)(2); " + std::string(citation::dps_x509_attestation),
        .fix =
            "Issue a new CA certificate (re-sign the devices or cross-sign), upload and verify it, "
            "and move the group to it (caReferences or signingCertificates).",
        .example = "caReferences.primary names a record whose expiry is 2025-01-01, linted in 2026",
        .context_severities = {Severity::error, Severity::notice},
        .severity_context =
            "error for an enabled group; notice for a disabled one (it matters only if re-enabled)",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_ca_expired() {
    return std::make_unique<enrollment::CaExpired>();
}

}  // namespace dpslint::rules
