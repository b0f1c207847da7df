#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

class Revoked final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& ca : context.ca_certificates()) {
            std::vector<const lint::GroupView*> enabled;
            for (const auto* group : context.groups_using(*ca.certificate)) {
                if (group->group->settings.enabled)
                    enabled.push_back(group);
            }
            if (enabled.empty())
                continue;
            // Its issuer must be among the snapshot's CA certificates for its CRL to be checked.
            std::vector<CertificatePtr> path{ca.certificate};
            for (auto& above : context.issuers_above(*ca.certificate))
                path.push_back(std::move(above));
            const RevocationCheck check = context.check_revocation(path);
            if (check.certificates.empty()
                || check.certificates.front().state != RevocationState::revoked)
                continue;
            const bool one = enabled.size() == 1;
            sink.report("CA certificate '" + ca.certificate->label() + "' is "
                            + describe_revocation(check.certificates.front()) + ", yet enabled "
                            + (one ? "group " : "groups ")
                            + quoted_list(enabled,
                                              [](const lint::GroupView* g) { return g->group->id; })
                            + (one ? " uses" : " use")
                            + " it: DPS does not check revocation and provisions every device "
                              "under it",
                        ca.location);
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.revoked",
        .title = "Uploaded CA certificate is revoked by its issuer's CRL",
        .severity = Severity::error,
        .inspects = Target::ca_record,
        // Needs CRLs (--crl); a CA certificate's status is unknown without them.
        .needs = {InputPart::revocation},
        .rationale =
            "DPS never checks certificate revocation: an enrollment group on a CA certificate that "
            "its issuer has revoked (the CA key leaked, the CA was retired) keeps provisioning "
            "every device that chains to it, including devices issued with the compromised key. "
            "Disabling the group is the documented way to stop them. Reported only with --crl, for "
            "CA certificates whose issuer is also in the snapshot and that enabled groups use.",
        .citation = std::string(citation::dps_revoke) + "; RFC 5280 §6.3",
        .fix =
            "Disable the enrollment groups on the revoked CA certificate, remove it from DPS, and "
            "move the devices that should stay to a new CA (new group, new device certificates).",
        .example = "the root's CRL lists intermediate 'my-intermediate-ca' and enabled group "
                   "'fleet' is on it",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_revoked() {
    return std::make_unique<ca::Revoked>();
}

}  // namespace dpslint::rules
