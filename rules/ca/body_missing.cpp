#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

class BodyMissing final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (record.certificate)
                continue;
            std::string details;
            if (!record.subject.empty())
                details = "subject '" + record.subject + "', ";
            details += record.thumbprint.empty()
                           ? std::string("no thumbprint")
                           : "SHA-1 " + normalize_thumbprint(record.thumbprint);
            sink.report("CA record '" + record.name + "' (" + details
                            + ") has no matching CA file in ca/, so its chain (roll-up to a "
                              "verified CA, issuer of other CAs), key (ca.weak-key), signature "
                              "(ca.weak-signature), basicConstraints (ca.not-a-ca) and root "
                              "(enrollment.ca-is-root) checks were skipped",
                        view.location());
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.body-missing",
        .title = "No CA certificate file for an uploaded CA record",
        .severity = Severity::notice,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "`az iot dps certificate list` returns the thumbprint, subject and expiry of each "
            "uploaded CA but never its certificate body (`az iot dps certificate show` does, in "
            "properties.certificate), so dpslint pairs records with the PEM files of the "
            "snapshot's ca/ folder by SHA-1 thumbprint. Without the body the checks that need the "
            "certificate itself are skipped; this is a gap in the input, not a DPS problem.",
        .citation = std::string(citation::dps_cli_certificate),
        .fix = "Copy the PEM file that was uploaded for this record into the snapshot's ca/ folder "
               "(its SHA-1 must equal the record's thumbprint), or export the record with `az iot "
               "dps certificate show`, which includes the body.",
        .example = "certificates.json lists 'my-root-ca' but ca/ holds no file with its thumbprint",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_body_missing() {
    return std::make_unique<ca::BodyMissing>();
}

}  // namespace dpslint::rules
