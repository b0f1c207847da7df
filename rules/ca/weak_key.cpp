#include "ca/ca_support.hpp"
#include "key_policy_options.hpp"

namespace dpslint::rules::ca {

namespace {

class WeakKey final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const AlgorithmPolicy policy = key_policy(options);

        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (!record.certificate)
                continue;
            const std::string problem = policy.check_key(record.certificate->public_key());
            if (problem.empty())
                continue;
            sink.report(ca::record_label(record) + " has a weak key: " + problem, view.location());
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.weak-key",
        .title = "Uploaded CA certificate has a weak key",
        .severity = Severity::warning,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "Whoever can factor or forge with a CA's key can issue device certificates that DPS "
            "accepts for every group on that CA (or below it), and a CA key outlives many device "
            "keys. DPS documents no minimum key size or curve list and does not reject weak CA "
            "keys: this is a policy warning, not a provisioning failure.",
        .citation = "RFC 5280 §4.1.2.7; " + std::string(citation::dps_x509_attestation),
        .fix = "Issue a new CA with an RSA key of at least the configured size or an allowed curve "
               "(P-256/P-384), upload and verify it, and move the groups and devices to it.",
        .options = key_policy_options(),
        .example = "an intermediate CA with an RSA-1024 key",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_weak_key() {
    return std::make_unique<ca::WeakKey>();
}

}  // namespace dpslint::rules
