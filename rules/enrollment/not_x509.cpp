#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class NotX509 final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            if (is_x509(group))
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
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.not-x509",
        .title = "Enrollment group does not use X.509 attestation",
        .severity = Severity::notice,
        .inspects = Target::enrollment_group,
        .rationale =
            "DPS matches X.509 devices to groups by the CA certificates in their chain; "
            "a symmetric-key or TPM group has none, so it never admits an X.509 device and dpslint "
            "has no certificates to check for it. Informational: such groups are valid, but only "
            "their non-certificate settings are linted.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Nothing to do if the group serves symmetric-key or TPM devices; X.509 devices need a "
            "group on their CA certificate.",
        .example = "attestation.type 'symmetricKey' on group 'legacy-sensors'",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_not_x509() {
    return std::make_unique<enrollment::NotX509>();
}

}  // namespace dpslint::rules
