#include "dpslint/distinguished_name.hpp"

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class CaUnverified final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        const bool any_verified =
            std::any_of(snapshot.certificates->begin(), snapshot.certificates->end(),
                        [](const CaRecord& r) { return r.is_verified; });
        // A verified record whose body was not supplied may be the issuer the walk is missing,
        // unless its exported subject names someone else.
        const auto verified_without_body_named = [&](const DistinguishedName& issuer) {
            return std::any_of(
                snapshot.certificates->begin(), snapshot.certificates->end(),
                [&](const CaRecord& r) {
                    return r.is_verified && !r.certificate
                           && (r.subject.empty() || exported_name_matches(r.subject, issuer));
                });
        };
        for (const auto& group : context.groups()) {
            if (!group.group->settings.enabled
                || group.group->settings.attestation.type != AttestationType::x509)
                continue;
            for (const auto& ca : group.cas) {
                if (ca.by_reference && ca.record == nullptr)
                    continue;  // enrollment.ca-missing
                if (ca.record != nullptr && ca.record->is_verified)
                    continue;
                std::string above;
                if (ca.certificate) {
                    const auto issuers = context.issuers_above(*ca.certificate);
                    const bool rolls_up =
                        std::any_of(issuers.begin(), issuers.end(), [&](const CertificatePtr& c) {
                            const CaRecord* r = snapshot.find_certificate_by_sha1(c->sha1());
                            return r != nullptr && r->is_verified;
                        });
                    if (rolls_up)
                        continue;
                    // The walk stopped below a root: a verified record whose body was not
                    // supplied may be the missing issuer, so the answer is unknown.
                    const Certificate& top = issuers.empty() ? *ca.certificate : *issuers.back();
                    if (!context.is_self_signed(top) && verified_without_body_named(top.issuer()))
                        continue;
                    if (issuers.empty())
                        above = "no certificate above it is known to the DPS";
                    else if (issuers.size() == 1)
                        above =
                            "its issuer '" + issuers.front()->label() + "' is not verified either";
                    else
                        above = "none of the " + std::to_string(issuers.size())
                                + " certificates above it in the DPS is verified";
                } else {
                    // Without the certificate body its issuers are unknown: only certain when
                    // the DPS has no verified certificate at all.
                    if (any_verified)
                        continue;
                    above = "the DPS has no verified certificate at all";
                }
                const std::string state =
                    ca.record != nullptr ? "is not verified" : "is not an uploaded DPS certificate";
                sink.report("enrollment group '" + group.group->id + "' is on "
                                + ca_name(ca) + " (" + ca.slot + "), which "
                                + state + ", and " + above
                                + ", so there is nothing to roll up to and every device under it "
                                  "is rejected with 401002",
                            ca_location(group, ca));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.ca-unverified",
        .title = "Enabled enrollment group has no verified CA at or above its certificate",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .needs = {InputPart::ca_records},
        .rationale =
            "The CA certificate of an enrollment group must itself be verified (proof of "
            "possession) or roll up to a verified certificate higher in the chain. When neither "
            "the group's CA nor any certificate above it is verified, DPS cannot trust the chain "
            "and every registration through the group fails with 401002.",
        .citation = std::string(citation::dps_verify_certificates),
        .fix =
            "Verify the group's CA certificate or its root with proof of possession (`az iot dps "
            "certificate generate-verification-code` / `verify`), or upload it with --verified.",
        .example =
            "an enabled group on an intermediate whose record and root record both have isVerified "
            "false",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_ca_unverified() {
    return std::make_unique<enrollment::CaUnverified>();
}

}  // namespace dpslint::rules
