#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class CaMissing final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            if (!is_x509(group))
                continue;
            for (const auto& ca : group.cas) {
                if (!ca.by_reference || ca.record != nullptr)
                    continue;
                sink.report("enrollment group '" + group.group->id + "' names CA certificate '"
                                + ca.reference + "' as caReferences." + ca.slot
                                + ", but the DPS certificates list has no certificate by that "
                                  "name, so no device can match the group through it",
                            ca_location(group, ca));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.ca-missing",
        .title = "Enrollment group references a CA certificate that is not uploaded",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .needs = {InputPart::ca_records},
        .rationale =
            "caReferences.primary and caReferences.secondary hold the name of a certificate in the "
            "DPS Certificates list. When no certificate has that name (deleted, renamed, or a "
            "typo) the group is tied to no CA: DPS finds no group for its devices' chains and "
            "rejects them with 401002, the most common X.509 group mistake.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Upload (and verify) the CA certificate under the referenced name with `az iot dps "
               "certificate create`, or point caReferences at the name of the uploaded CA.",
        .example =
            "caReferences.primary is 'my-intermediate-ca' and certificates.json has no such record",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_ca_missing() {
    return std::make_unique<enrollment::CaMissing>();
}

}  // namespace dpslint::rules
