#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

std::string status(const CaRecord& record) {
    return record.is_verified ? "verified" : "not verified";
}

class Duplicate final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const auto& views = context.ca_records();
        for (std::size_t i = 0; i < views.size(); ++i) {
            const CaRecord& record = *views[i].record;
            const std::string thumbprint = normalize_thumbprint(record.thumbprint);
            if (thumbprint.empty())
                continue;
            // Report every record against the one with the same certificate whose name sorts
            // first (by position only between equal names), so that the same records give the
            // same findings in whatever order the export lists them.
            const CaRecord* first = nullptr;
            for (std::size_t j = 0; j < views.size(); ++j) {
                const CaRecord* other = views[j].record;
                if (j == i || normalize_thumbprint(other->thumbprint) != thumbprint)
                    continue;
                const bool before =
                    other->name < record.name || (other->name == record.name && j < i);
                if (before && (first == nullptr || other->name < first->name))
                    first = other;
            }
            if (first == nullptr)
                continue;
            std::string detail;
            if (first->is_verified != record.is_verified) {
                detail = "; '" + first->name + "' is " + status(*first) + " but '" + record.name
                         + "' is " + status(record) + ", so groups on them behave differently";
            }
            sink.report("CA record '" + record.name + "' holds the same certificate (SHA-1 "
                            + thumbprint + ") as CA record '" + first->name + "'" + detail,
                        views[i].location());
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.duplicate",
        .title = "Same CA certificate uploaded under several names",
        .severity = Severity::warning,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "Each upload is a separate record with its own verification status, and each counts "
            "against the per-DPS limit on CA certificates. Two names for one certificate invite "
            "groups that reference the unverified copy, and a rotation that updates one name but "
            "not the other. DPS accepts it: this is hygiene, not a provisioning failure.",
        .citation = std::string(citation::dps_limits),
        .fix =
            "Keep one record per CA certificate: move the groups that reference the extra names to "
            "the verified record and delete the duplicates.",
        .example = "records 'root' and 'root-copy' with the same thumbprint",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_duplicate() {
    return std::make_unique<ca::Duplicate>();
}

}  // namespace dpslint::rules
