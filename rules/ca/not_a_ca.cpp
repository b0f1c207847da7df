#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

// What the certificate has instead of basicConstraints cA=TRUE.
std::string what_it_has(const Certificate& c) {
    if (c.version() < 3) {
        return "is an X.509 v" + std::to_string(c.version())
               + " certificate, which carries no extensions and so no basicConstraints";
    }
    const auto& bc = c.extensions().basic_constraints;
    if (!bc)
        return "has no basicConstraints extension";
    return std::string("has basicConstraints cA=FALSE") + (bc->critical ? " (critical)" : "");
}

class NotACa final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (!record.certificate || record.certificate->is_ca())
                continue;
            const Certificate& c = *record.certificate;
            const std::string what = ca::record_label(record) + " " + what_it_has(c);
            if (context.is_self_signed(c)) {
                // RFC 5280 does not check a trust anchor's own extensions; validators differ.
                sink.report_as(Severity::warning,
                               what + "; as a self-signed root it may still act as a trust "
                                   + "anchor, but validators that check it reject the chain",
                               view.location());
            } else {
                sink.report_as(Severity::error,
                               what + ", so no certificate it issues can validate under it (RFC "
                                   + "5280 §6.1.4 (k))",
                               view.location());
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.not-a-ca",
        .title = "Uploaded CA certificate is not marked as a CA",
        .severity = Severity::error,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "Path validation accepts an intermediate certificate only when it has basicConstraints "
            "with cA=TRUE (RFC 5280 §6.1.4 (k)); X.509 v1 certificates have no extensions and so "
            "never qualify. Device chains through such a CA fail validation and DPS rejects them "
            "(401002). For a self-signed root the check is a warning: RFC 5280 does not check a "
            "trust anchor's own extensions, but many validators do.",
        .citation = "RFC 5280 §4.2.1.9, §6.1.4 (k)",
        .fix =
            "Re-issue the CA certificate as X.509 v3 with a critical basicConstraints cA=TRUE (and "
            "keyUsage keyCertSign), upload and verify it, and point the groups at it.",
        .example = "ca/not-ca-intermediate.pem with basicConstraints cA=FALSE uploaded as a CA",
        .context_severities = {Severity::error, Severity::warning},
        .severity_context =
            "error for a CA that issues certificates under a root; warning for a self-signed root, "
            "which may still act as a trust anchor",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_not_a_ca() {
    return std::make_unique<ca::NotACa>();
}

}  // namespace dpslint::rules
