#include "rule_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

class CaIsRoot final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        for (const auto& group : context.groups()) {
            for (const auto& ca : group.cas) {
                if (!ca.certificate || !context.is_self_signed(*ca.certificate))
                    continue;
                auto location = group.location();
                location.json_pointer = ca.source.pointer;
                location.subject = ca.certificate->subject().text();
                location.sha256 = ca.certificate->sha256();
                location.sha1 = ca.certificate->sha1();
                sink.report("enrollment group '" + group.group->id + "' is attached to the "
                                + "self-signed root " + ca.certificate->subject().text() + " ("
                                + ca.slot + "); attach it to an intermediate CA instead",
                            std::move(location));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.ca-is-root",
        .title = "Enrollment group uses a root CA instead of an intermediate",
        .severity = Severity::warning,
        .inspects = Target::enrollment_group,
        .rationale =
            "A group on the root authorises every device any intermediate under it ever issues, "
            "keeps the root's key in operational use for proof of possession, and cannot be scoped "
            "or rotated per product line. Groups on intermediates let the root stay offline.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Create the enrollment group on the issuing intermediate CA (verify it, or verify the "
            "root and have devices present the intermediate) and delete the root-level group.",
        .example = "caReferences.primary names the uploaded self-signed root certificate",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_ca_is_root() {
    return std::make_unique<enrollment::CaIsRoot>();
}

}  // namespace dpslint::rules
