#include "dpslint/distinguished_name.hpp"

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::individual {

namespace {

// The CN a client certificate slot holds: from the certificate body when exported, else from
// info.subjectName as the service computes it.
std::optional<std::string> client_cn(const X509CertificateWithInfo& entry) {
    std::vector<std::string> cns;
    if (entry.certificate)
        cns = entry.certificate->subject().common_names();
    else if (entry.info)
        cns = common_names_in_text(entry.info->subject_name);
    if (cns.size() != 1)
        return std::nullopt;  // none or several: device.cn-* and the simulator report those
    return cns.front();
}

class RegistrationIdCnMismatch final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        enrollment::for_each_client_certificate(
            *context.snapshot(),
            [&](const IndividualEnrollment& enrollment, const X509CertificateWithInfo& entry,
                const char* slot) { check_slot(enrollment, entry, slot, sink); });
    }

private:
    static void check_slot(const IndividualEnrollment& enrollment,
                           const X509CertificateWithInfo& entry, const char* slot,
                           FindingSink& sink) {
        const auto cn = client_cn(entry);
        const std::string& id = enrollment.registration_id;
        if (!cn || iequals(*cn, id))
            return;
        Location location = enrollment::individual_location(enrollment);
        location.json_pointer += "/registrationId";
        location.sha1 = entry.sha1();
        location.sha256 = entry.sha256();
        if (entry.certificate)
            location.subject = entry.certificate->subject().text();
        else if (entry.info)
            location.subject = entry.info->subject_name;
        const std::string what = std::string(slot) + " client certificate has CN '" + *cn
                                 + "', but its registration ID is '" + id + "'";
        if (!enrollment.settings.enabled) {
            sink.report_as(Severity::error,
                           "disabled individual enrollment '" + id + "' blocks nothing: its " + what
                               + ". DPS looks individual enrollments up by the registration"
                               + " ID the device sends, which is its certificate's CN, so device '"
                               + *cn + "' never meets this entry and keeps provisioning through"
                               + " its enrollment group; to block it the entry's registration ID"
                               + " must be '" + *cn + "'",
                           std::move(location));
        } else {
            sink.report_as(Severity::warning,
                           "individual enrollment '" + id + "' can never be used: its " + what
                               + ". A device presenting that certificate registers as '" + *cn
                               + "', so DPS never finds this entry for it",
                           std::move(location));
        }
    }

    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "individual.registration-id-cn-mismatch",
        .title = "Individual enrollment's registration ID differs from its certificate's CN",
        .severity = Severity::error,
        .inspects = Target::individual_enrollment,
        .needs = {InputPart::individual_enrollments},
        .rationale =
            "For X.509 attestation the registration ID is the subject CN of the device "
            "certificate, and DPS looks for an individual enrollment by that registration ID "
            "(case-insensitively) before it considers any enrollment group. An X.509 individual "
            "enrollment whose registration ID is not its client certificate's CN is therefore "
            "never found: as a blocklist entry (disabled) it blocks nothing and the device keeps "
            "provisioning through its group, which is what the Learn DPS module's 'disallow-002' "
            "entry for sensor-thl-002 does; enabled, no device can ever use it.",
        .citation =
            std::string(citation::dps_x509_attestation) + "; " + std::string(citation::dps_revoke),
        .fix = "Re-create the entry with the registration ID equal to the certificate's CN (az iot "
               "dps enrollment create --enrollment-id <CN> ...), then delete the old one.",
        .example = "disabled individual enrollment 'disallow-002' holding the certificate of "
                   "CN=sensor-thl-002",
        .context_severities = {Severity::error, Severity::warning},
        .severity_context = "error when the enrollment is disabled (a blocklist entry that blocks "
                            "nothing); warning "
                            "when it is enabled (no device can use it)",
    });
};

}  // namespace

}  // namespace dpslint::rules::individual

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_individual_registration_id_cn_mismatch() {
    return std::make_unique<individual::RegistrationIdCnMismatch>();
}

}  // namespace dpslint::rules
