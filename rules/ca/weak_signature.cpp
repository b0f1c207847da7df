#include "dpslint/algorithm_policy.hpp"

#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

class WeakSignature final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const AlgorithmPolicy policy;  // SHA-2 only
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (!record.certificate)
                continue;
            const Certificate& c = *record.certificate;
            const HashAlgorithm hash = c.signature_algorithm().hash;
            if (hash != HashAlgorithm::md5 && hash != HashAlgorithm::sha1)
                continue;
            if (context.is_self_signed(c))
                continue;  // a root's self-signature is not relied on
            const std::string problem = policy.check_signature(c.signature_algorithm());
            if (problem.empty())
                continue;
            sink.report(ca::record_label(record) + " is signed with a broken hash: " + problem,
                        view.location());
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.weak-signature",
        .title = "Uploaded CA certificate is signed with MD5 or SHA-1",
        .severity = Severity::warning,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "MD5 and SHA-1 signatures can be forged by chosen-prefix collisions, so a CA "
            "certificate signed with them could be imitated by a rogue CA that chains to the same "
            "issuer. Self-signed roots are not checked: a trust anchor is trusted because it was "
            "uploaded and verified, not because of its self-signature, which nobody relies on. DPS "
            "documents no hash allow-list and accepts such chains: this is a policy warning.",
        .citation = "RFC 5280 §4.1.1.2; " + std::string(citation::dps_x509_attestation),
        .fix = "Re-issue the CA certificate signed with SHA-256 or stronger (same key is fine), "
               "upload and verify it, and point the groups at it.",
        .example = "an intermediate CA signed sha1WithRSAEncryption by its root",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_weak_signature() {
    return std::make_unique<ca::WeakSignature>();
}

}  // namespace dpslint::rules
