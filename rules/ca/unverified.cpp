#include <map>

#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

bool depends(const EnrollmentGroup& group) {
    return group.settings.enabled && group.settings.attestation.type == AttestationType::x509;
}

class Unverified final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        const bool any_verified =
            std::any_of(snapshot.certificates->begin(), snapshot.certificates->end(),
                        [](const CaRecord& r) { return r.is_verified; });

        // Enabled groups by the SHA-1 of every certificate above their CA: an unverified record
        // there is not referenced, but verifying it would let those groups' devices roll up.
        std::map<std::string, std::vector<const EnrollmentGroup*>> below;
        for (const auto& group : context.groups()) {
            if (!depends(*group.group))
                continue;
            for (const auto& ca : group.cas) {
                if (!ca.certificate)
                    continue;
                for (const auto& above : context.issuers_above(*ca.certificate)) {
                    auto& groups = below[normalize_thumbprint(above->sha1())];
                    if (std::find(groups.begin(), groups.end(), group.group) == groups.end())
                        groups.push_back(group.group);
                }
            }
        }

        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (record.is_verified)
                continue;
            std::vector<const EnrollmentGroup*> enabled;
            for (const EnrollmentGroup* group : view.used_by) {
                if (depends(*group))
                    enabled.push_back(group);
            }
            const auto location = ca::property_location(view, "isVerified");
            const std::string label = ca::record_label(record) + " is not verified";

            if (enabled.empty()) {
                const auto it = below.find(normalize_thumbprint(record.thumbprint));
                if (it != below.end()) {
                    sink.report_as(
                        Severity::notice,
                        label + "; no enabled group references it directly, but it is above the CA "
                            + "of "
                            + quoted_list(it->second,
                                          [](const EnrollmentGroup* g) { return g->id; })
                            + ", whose devices could roll up to it once it is verified",
                        location);
                    continue;
                }
                sink.report_as(
                    Severity::notice,
                    label
                        + (view.used_by.empty() ? std::string("; no enrollment group references it")
                                                : "; only disabled enrollment groups reference it")
                        + ", so no device depends on it yet",
                    location);
                continue;
            }

            const bool one = enabled.size() == 1;
            const std::string groups =
                (one ? "enabled group " : "enabled groups ")
                + quoted_list(enabled, [](const EnrollmentGroup* g) { return g->id; });

            if (!record.certificate) {
                if (!any_verified) {
                    sink.report_as(Severity::error,
                                   label + " and no CA record in certificates.json is verified, so "
                                       + "every device of " + groups + " fails with 401002",
                                   location);
                } else {
                    sink.report_as(
                        Severity::warning,
                        label + " and " + groups
                            + (one ? " depends" : " depend") + " on it; its certificate is not in ca/, so dpslint cannot "
                              "tell whether a verified CA above it lets devices roll up (if none "
                              "does, every device fails with 401002)",
                        location);
                }
                continue;
            }

            if (const CaRecord* above = ca::verified_record_above(context, *record.certificate)) {
                sink.report_as(Severity::warning,
                               label + "; " + groups + (one ? " rolls" : " roll")
                                   + " up to the verified CA record '" + above->name
                                   + "', which works only when every device "
                                   + "presents the intermediate " + record.certificate->label()
                                   + " in its TLS chain",
                               location);
            } else {
                sink.report_as(Severity::error,
                               label + " and nothing above it is verified, so every device of "
                                   + groups + " fails with 401002",
                               location);
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.unverified",
        .title = "Uploaded CA certificate is not verified",
        .severity = Severity::error,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "DPS trusts a group's CA only after proof of possession: the certificate on the group "
            "must itself be verified, or roll up to a verified certificate in the chain the device "
            "presents. With nothing verified every registration fails with 401002. When only a CA "
            "above is verified, each device must send the unverified intermediate in its TLS "
            "handshake (devices that send only the leaf fail). Error when an enabled X.509 group "
            "depends on the record and nothing above it is verified; warning when a verified CA "
            "above lets devices roll up; notice when no enabled group depends on it.",
        .citation = std::string(citation::dps_verify_certificates),
        .fix =
            "Verify the certificate (generate a verification code, sign a certificate with CN = "
            "the code using THIS CA's private key, upload it), or upload it with --verified. Note "
            "that certGen.sh's create_verification_certificate always signs with the root key, "
            "which cannot verify an intermediate.",
        .example = "group 'fleet' references record 'my-intermediate-ca' with isVerified=false and "
                   "the root is not uploaded",
        .context_severities = {Severity::error, Severity::warning, Severity::notice},
        .severity_context =
            "error when an enabled X.509 group depends on the record and nothing above it is "
            "verified (or, its certificate not being in ca/, no record at all is verified); "
            "warning when a verified CA above lets devices roll up, or when its certificate is not "
            "in ca/ so that cannot be told; notice when no enabled group depends on it",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_unverified() {
    return std::make_unique<ca::Unverified>();
}

}  // namespace dpslint::rules
