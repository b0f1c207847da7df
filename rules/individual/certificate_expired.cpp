#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

class CertificateExpired final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        enrollment::for_each_client_certificate(
            *context.snapshot(),
            [&](const IndividualEnrollment& enrollment, const X509CertificateWithInfo& entry,
                const char* slot) { check_slot(context, enrollment, entry, slot, sink); });
    }

private:
    static void check_slot(const LintContext& context, const IndividualEnrollment& enrollment,
                           const X509CertificateWithInfo& entry, const char* slot,
                           FindingSink& sink) {
        std::optional<TimePoint> not_after;
        if (entry.certificate)
            not_after = entry.certificate->not_after();
        else if (entry.info && entry.info->not_after)
            not_after = entry.info->not_after;
        if (!not_after || *not_after >= context.at())
            return;
        Location location = enrollment::individual_location(enrollment);
        location.json_pointer += "/attestation/x509/clientCertificates/" + std::string(slot);
        std::string subject;
        if (entry.certificate) {
            subject = entry.certificate->label();
            location.subject = entry.certificate->subject().text();
            location.sha256 = entry.certificate->sha256();
            location.sha1 = entry.certificate->sha1();
        } else {
            subject = entry.info ? entry.info->subject_name : std::string();
            location.subject = subject;
            location.sha256 = entry.sha256();
            location.sha1 = entry.sha1();
        }
        const bool enabled = enrollment.settings.enabled;
        std::string message = "individual enrollment '" + enrollment.registration_id + "' has "
                              + slot + " client certificate "
                              + (subject.empty() ? std::string() : "'" + subject + "' ")
                              + "that expired on " + format_date(*not_after);
        message += enabled ? ", so the device cannot authenticate with it"
                           : " (the enrollment is disabled, so it only matters if re-enabled)";
        sink.report_as(enabled ? Severity::error : Severity::notice, std::move(message),
                       std::move(location));
    }

    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.certificate-expired",
        .title = "Individual enrollment's client certificate has expired",
        .severity = Severity::error,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "An X.509 individual enrollment admits the device certificate it holds; once that "
            "certificate is past its notAfter the device's TLS client authentication fails "
            "(RFC 5280 §6.1.3 (a)(2)) and the device cannot register. Reported as a notice for a "
            "disabled enrollment.",
        .citation = "RFC 5280 §6.1.3 (a)(2); " + std::string(citation::dps_x509_attestation),
        .fix =
            "Issue the device a new certificate and put it in the enrollment (as secondary first "
            "for a rollover, then primary).",
        .example = "clientCertificates.primary info.notAfterUtc 2025-06-01, linted in 2026",
        .context_severities = {Severity::error, Severity::notice},
        .severity_context =
            "error for an enabled enrollment; notice for a disabled one (it matters only if "
            "re-enabled)",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_certificate_expired() {
    return std::make_unique<individual::CertificateExpired>();
}

}  // namespace dpslint::rules
