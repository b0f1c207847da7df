#include "ca/ca_support.hpp"

namespace dpslint::rules {

namespace {

class Unused final : public ca::CaRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        // SHA-1 of every certificate above a CA that some group references, and the groups whose
        // CA body is unknown (their chain cannot be walked).
        std::set<std::string> above;
        std::vector<const EnrollmentGroup*> unknown;
        for (const auto& group : context.groups()) {
            for (const auto& ca : group.cas) {
                if (!ca.certificate) {
                    if (std::find(unknown.begin(), unknown.end(), group.group) == unknown.end())
                        unknown.push_back(group.group);
                    continue;
                }
                for (const auto& issuer : ca::certificates_above(context, *ca.certificate))
                    above.insert(ca::normalize_thumbprint(issuer->sha1()));
            }
        }

        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (!view.used_by.empty())
                continue;
            const std::string thumbprint = ca::normalize_thumbprint(record.thumbprint);
            if (!thumbprint.empty() && above.count(thumbprint) != 0)
                continue;
            std::string caveat;
            if (!record.certificate) {
                caveat = " (its certificate is not in ca/, so only thumbprints were compared)";
            } else if (!unknown.empty()) {
                caveat = " (the CA certificates of "
                         + ca::quoted_list(unknown, [](const EnrollmentGroup* g) { return g->id; })
                         + " are not in ca/, so it may still be above them)";
            }
            sink.report(ca::record_label(record)
                            + " is not referenced by any enrollment group and is not an issuer "
                              "above any referenced CA"
                            + caveat,
                        view.location());
        }
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "ca.unused", "Uploaded CA certificate is not used by any enrollment group",
        Severity::notice, Target::ca_record,
        "A CA record is in use when an enrollment group references it (caReferences, or an "
        "inline signing certificate with its thumbprint) or when it is a verified CA that a "
        "referenced intermediate rolls up to. Anything else only counts against the per-DPS "
        "limit on CA certificates and keeps a trusted CA around with no purpose. DPS does not "
        "care: this is hygiene.",
        std::string(citation::dps_limits),
        "Delete the record (az iot dps certificate delete) if it is left over from a rotation or a "
        "test, or create the enrollment group that was meant to use it.",
        {}, "record 'old-intermediate' that no group references and that issued no referenced CA");
};

}  // namespace

std::unique_ptr<lint::Rule> make_ca_unused() {
    return std::make_unique<Unused>();
}

}  // namespace dpslint::rules
