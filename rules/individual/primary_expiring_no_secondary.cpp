#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

std::optional<TimePoint> not_after_of(const X509CertificateWithInfo& entry) {
    if (entry.certificate)
        return entry.certificate->not_after();
    if (entry.info && entry.info->not_after)
        return entry.info->not_after;
    return std::nullopt;
}

class PrimaryExpiringNoSecondary final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const long long days = options.integer("days");
        for (const auto& enrollment : *context.snapshot()->individuals) {
            const auto& x509 = enrollment.settings.attestation.x509;
            // A disabled enrollment blocks its device: it has nothing to roll over.
            if (!enrollment.settings.enabled
                || enrollment.settings.attestation.type != AttestationType::x509 || !x509
                || !x509->client_primary)
                continue;
            const auto primary = not_after_of(*x509->client_primary);
            if (!primary || *primary < context.at())
                continue;  // individual.certificate-expired
            const long long left = days_between(context.at(), *primary);
            if (left >= days)
                continue;
            std::optional<TimePoint> secondary;
            if (x509->client_secondary)
                secondary = not_after_of(*x509->client_secondary);
            if (secondary && *secondary > *primary)
                continue;
            Location location = enrollment::individual_location(enrollment);
            location.json_pointer += "/attestation/x509/clientCertificates/primary";
            const auto& entry = *x509->client_primary;
            location.subject = entry.certificate ? entry.certificate->subject().text()
                                                 : (entry.info ? entry.info->subject_name : "");
            location.sha256 = entry.sha256();
            location.sha1 = entry.sha1();
            std::string message = "individual enrollment '" + enrollment.registration_id
                                  + "' has its primary client certificate expiring on "
                                  + format_date(*primary) + ", in " + std::to_string(left)
                                  + " days (threshold " + std::to_string(days) + "), and ";
            message += !x509->client_secondary ? std::string("no secondary to roll over to")
                       : secondary
                           ? "a secondary that expires no later (" + format_date(*secondary) + ")"
                           : std::string("a secondary whose expiry is unknown");
            sink.report(std::move(message), std::move(location));
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.primary-expiring-no-secondary",
        .title = "Individual enrollment's primary certificate expires soon with nothing to roll to",
        .severity = Severity::warning,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "An X.509 individual enrollment admits the device presenting its primary or secondary "
            "client certificate; the documented rollover puts the device's new certificate in the "
            "secondary slot before the primary expires. With no (longer-lived) secondary, the "
            "device stops registering on the primary's notAfter.",
        .citation = std::string(citation::dps_x509_attestation) + "; RFC 5280 §4.1.2.5",
        .fix =
            "Issue the device its next certificate and add it as the enrollment's secondary client "
            "certificate now; after the device switches, move it to primary.",
        .options = {{.name = "days",
                     .type = OptionType::integer,
                     .default_value = 90,
                     .description =
                         "warn when the primary certificate expires within this many days of the "
                         "evaluation time",
                     .minimum = 0,
                     .maximum = 36500}},
        .example = "clientCertificates.primary expiring in 20 days, secondary null",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_primary_expiring_no_secondary() {
    return std::make_unique<individual::PrimaryExpiringNoSecondary>();
}

}  // namespace dpslint::rules
