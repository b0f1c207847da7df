#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules {

namespace {

class NotX509 final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            if (enrollment_support::is_x509(group))
                continue;
            const auto& attestation = group.group->settings.attestation;
            const std::string type = attestation.type_raw.empty()
                                         ? std::string(to_string(attestation.type))
                                         : attestation.type_raw;
            Location location = group.location();
            location.json_pointer += "/attestation/type";
            sink.report("enrollment group '" + group.group->id + "' uses " + type
                            + " attestation: dpslint cannot check its devices' certificates, and "
                              "it never matches a device that authenticates with an X.509 "
                              "certificate",
                        std::move(location));
        }
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "enrollment.not-x509", "Enrollment group does not use X.509 attestation", Severity::notice,
        Target::enrollment_group,
        "DPS matches X.509 devices to groups by the CA certificates in their chain; "
        "a symmetric-key or TPM group has none, so it never admits an X.509 device and dpslint "
        "has no certificates to check for it. Informational: such groups are valid, but only "
        "their non-certificate settings are linted.",
        std::string(citation::dps_x509_attestation),
        "Nothing to do if the group serves symmetric-key or TPM devices; X.509 devices need a "
        "group on their CA certificate.",
        {}, "attestation.type 'symmetricKey' on group 'legacy-sensors'");
};

}  // namespace

std::unique_ptr<lint::Rule> make_enrollment_not_x509() {
    return std::make_unique<NotX509>();
}

}  // namespace dpslint::rules
