#include "dpslint/distinguished_name.hpp"

#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

// The inline signing certificate entry a group CA came from; null for caReferences.
const X509CertificateWithInfo* inline_entry(const lint::GroupView& group, const lint::GroupCa& ca) {
    const auto& x509 = group.group->settings.attestation.x509;
    if (ca.by_reference || !x509)
        return nullptr;
    const auto& entry = ca.slot == "primary" ? x509->signing_primary : x509->signing_secondary;
    return entry ? &*entry : nullptr;
}

// The records whose certificate (or, without a body, exported subject) has this name.
std::vector<const CaRecord*> records_named(const LintContext& context, const std::string& name) {
    std::vector<const CaRecord*> out;
    if (name.empty())
        return out;
    const auto cns = common_names_in_text(name);
    for (const auto& view : context.ca_records()) {
        const CaRecord& record = *view.record;
        bool named = false;
        if (record.certificate) {
            named = exported_name_matches(name, record.certificate->subject());
        } else {
            // certificates.json has the subject as a bare CN or "CN=...": compare CNs.
            const auto record_cns = common_names_in_text(record.subject);
            named = record_cns.size() == 1 && cns.size() == 1 && iequals(record_cns[0], cns[0]);
        }
        if (named)
            out.push_back(&record);
    }
    return out;
}

class Unused final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        // SHA-1 of every certificate above a CA that some group references, and the groups whose
        // CA body is unknown (their chain cannot be walked).
        std::set<std::string> above;
        std::set<const CaRecord*> named_above;
        std::vector<const EnrollmentGroup*> unknown;
        for (const auto& group : context.groups()) {
            for (const auto& ca : group.cas) {
                // Where the walk by signature stops, the issuer's name still says which record
                // is above (a root uploaded without its body, or an inline certificate exported
                // as info only).
                std::string issuer_name;
                if (ca.certificate) {
                    const auto issuers = context.issuers_above(*ca.certificate);
                    for (const auto& issuer : issuers)
                        above.insert(normalize_thumbprint(issuer->sha1()));
                    const Certificate& top = issuers.empty() ? *ca.certificate : *issuers.back();
                    if (!top.is_self_issued())
                        issuer_name = top.issuer().text();
                } else if (const auto* entry = inline_entry(group, ca);
                           entry != nullptr && entry->info && !entry->info->issuer_name.empty()) {
                    issuer_name = entry->info->issuer_name;
                } else {
                    if (std::find(unknown.begin(), unknown.end(), group.group) == unknown.end())
                        unknown.push_back(group.group);
                    continue;
                }
                for (const CaRecord* record : records_named(context, issuer_name)) {
                    named_above.insert(record);
                    if (record->certificate) {
                        for (const auto& issuer : context.issuers_above(*record->certificate))
                            above.insert(normalize_thumbprint(issuer->sha1()));
                    }
                }
            }
        }

        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            if (!view.used_by.empty())
                continue;
            const std::string thumbprint = normalize_thumbprint(record.thumbprint);
            if ((!thumbprint.empty() && above.count(thumbprint) != 0)
                || named_above.count(&record) != 0)
                continue;
            std::string caveat;
            if (!record.certificate) {
                caveat = " (its certificate is not in ca/, so only thumbprints were compared)";
            } else if (!unknown.empty()) {
                caveat = " (the CA certificates of "
                         + quoted_list(unknown, [](const EnrollmentGroup* g) { return g->id; })
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
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.unused",
        .title = "Uploaded CA certificate is not used by any enrollment group",
        .severity = Severity::notice,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "A CA record is in use when an enrollment group references it (caReferences, or an "
            "inline signing certificate with its thumbprint) or when it is a CA that a group's "
            "certificate rolls up to (found by signature, or by the issuer name an inline "
            "certificate's info states). Anything else only counts against the per-DPS "
            "limit on CA certificates and keeps a trusted CA around with no purpose. DPS does not "
            "care: this is hygiene.",
        .citation = std::string(citation::dps_limits),
        .fix = "Delete the record (az iot dps certificate delete) if it is left over from a "
               "rotation or a "
               "test, or create the enrollment group that was meant to use it.",
        .example =
            "record 'old-intermediate' that no group references and that issued no referenced CA",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_unused() {
    return std::make_unique<ca::Unused>();
}

}  // namespace dpslint::rules
