#include "ca/ca_support.hpp"

namespace dpslint::rules {

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

class NotACa final : public ca::CaRule {
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
    RuleMetadata metadata_ = lint::with_context_severity(
        lint::make_metadata(
            "ca.not-a-ca", "Uploaded CA certificate is not marked as a CA", Severity::error,
            Target::ca_record,
            "Path validation accepts an intermediate certificate only when it has basicConstraints "
            "with cA=TRUE (RFC 5280 §6.1.4 (k)); X.509 v1 certificates have no extensions and so "
            "never "
            "qualify. Device chains through such a CA fail validation and DPS rejects them "
            "(401002). "
            "For a self-signed root the check is a warning: RFC 5280 does not check a trust "
            "anchor's "
            "own extensions, but many validators do.",
            "RFC 5280 §4.2.1.9, §6.1.4 (k)",
            "Re-issue the CA certificate as X.509 v3 with a critical basicConstraints cA=TRUE (and "
            "keyUsage keyCertSign), upload and verify it, and point the groups at it.",
            {}, "ca/not-ca-intermediate.pem with basicConstraints cA=FALSE uploaded as a CA"),
        {Severity::error, Severity::warning},
        "error for a CA that issues certificates under a root; warning for a self-signed root, "
        "which may still act as a trust anchor");
};

}  // namespace

std::unique_ptr<lint::Rule> make_ca_not_a_ca() {
    return std::make_unique<NotACa>();
}

}  // namespace dpslint::rules
