#include <algorithm>
#include <map>
#include <vector>

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

// What identifies the CA certificate a group slot points at: its SHA-1 thumbprint when known
// (both certificate bodies and DPS records have one), else the referenced name.
std::string ca_key(const lint::GroupCa& ca) {
    if (!ca.sha1.empty())
        return "sha1:" + ascii_lower(ca.sha1);
    if (ca.certificate)
        return "sha1:" + ascii_lower(ca.certificate->sha1());
    if (ca.by_reference)
        return "name:" + ascii_lower(ca.reference);
    return {};
}

class DuplicateCa final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        struct First {
            const lint::GroupView* group;
            const lint::GroupCa* ca;
        };
        std::map<std::string, First> first;
        // By group id, not export position: which group is "the other one" must not depend on
        // the order of the export's array.
        std::vector<const lint::GroupView*> groups;
        for (const auto& group : context.groups())
            groups.push_back(&group);
        std::stable_sort(groups.begin(), groups.end(),
                         [](const lint::GroupView* a, const lint::GroupView* b) {
                             return a->group->id < b->group->id;
                         });
        for (const lint::GroupView* view : groups) {
            const lint::GroupView& group = *view;
            if (!is_x509(group))
                continue;
            for (const auto& ca : group.cas) {
                const std::string key = ca_key(ca);
                if (key.empty())
                    continue;
                const auto [it, inserted] = first.emplace(key, First{&group, &ca});
                if (inserted)
                    continue;
                const First& earlier = it->second;
                std::string message;
                if (earlier.group == &group) {
                    message = "enrollment group '" + group.group->id + "' has "
                              + ca_name(ca) + " as both " + earlier.ca->slot
                              + " and " + ca.slot
                              + " CA; the second entry adds nothing and DPS allows each "
                                "certificate in one enrollment entry only";
                } else {
                    message = "enrollment group '" + group.group->id + "' is on "
                              + ca_name(ca) + " (" + ca.slot
                              + "), the same certificate as enrollment group '"
                              + earlier.group->group->id + "' (" + earlier.ca->slot
                              + "); DPS allows one enrollment entry per certificate, so only one "
                                "of them can ever match";
                }
                sink.report(std::move(message), ca_location(group, ca));
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.duplicate-ca",
        .title = "Two enrollment entries use the same CA certificate",
        .severity = Severity::error,
        .inspects = Target::enrollment_group,
        .rationale =
            "Each certificate may appear in only one enrollment entry per DPS instance: when two "
            "groups use the same CA certificate, DPS stops at the first entry it finds for it, so "
            "the other group's settings never apply to anyone, and which one wins is not "
            "documented. The same certificate as a group's primary and secondary CA gives no "
            "rollover slot.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Keep one enrollment group per CA certificate: merge the groups' settings, or move one "
            "group to a different intermediate CA; use the secondary slot for the next CA.",
        .example =
            "groups 'fleet' and 'fleet-2' both name caReferences.primary 'my-intermediate-ca'",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_duplicate_ca() {
    return std::make_unique<enrollment::DuplicateCa>();
}

}  // namespace dpslint::rules
