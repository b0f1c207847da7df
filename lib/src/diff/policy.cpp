#include "dpslint/diff/policy.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "dpslint/citations.hpp"
#include "dpslint/identifiers.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::diff {

namespace {

// A rule checked by `dpslint diff` itself: it needs a change (InputPart::change), which no lint
// run has, so the engine never applies it there.
class DiffRule final : public lint::SnapshotRule {
public:
    explicit DiffRule(lint::RuleMetadata metadata) : metadata_(std::move(metadata)) {}
    const lint::RuleMetadata& metadata() const override { return metadata_; }
    void check(const lint::LintContext&, const lint::RuleOptions&,
               lint::FindingSink&) const override {}

private:
    lint::RuleMetadata metadata_;
};

std::vector<std::unique_ptr<const lint::Rule>> make_diff_rules() {
    using lint::Target;
    const auto make_metadata = [](std::string id, std::string title, Severity severity,
                                  Target inspects, std::string rationale, std::string citation,
                                  std::string fix, std::vector<lint::RuleOption> options,
                                  std::string example) {
        return lint::declare_rule({.id = std::move(id),
                                   .title = std::move(title),
                                   .severity = severity,
                                   .inspects = inspects,
                                   .needs = {lint::InputPart::change},
                                   .rationale = std::move(rationale),
                                   .citation = std::move(citation),
                                   .fix = std::move(fix),
                                   .options = std::move(options),
                                   .example = std::move(example)});
    };
    const std::string x509(citation::dps_x509_attestation);
    std::vector<std::unique_ptr<const lint::Rule>> out;
    const auto add = [&](lint::RuleMetadata m) {
        out.push_back(std::make_unique<DiffRule>(std::move(m)));
    };
    add(make_metadata(
        rule_id::devices_change_enrollment, "Devices would provision through another enrollment",
        Severity::warning, Target::enrollment_group,
        "After the change DPS would stop at another enrollment for these devices: they get that "
        "enrollment's hubs, initial twin and reprovision policy on their next registration.",
        x509, "Check that the other enrollment is meant for these devices.", {},
        "a nearer group is added for the intermediate that issued the devices"));
    add(make_metadata(
        rule_id::devices_change_hub, "Devices would be allocated to another hub set",
        Severity::warning, Target::enrollment_group,
        "The allocation policy or the hubs a device may be allocated to change; on its next "
        "registration the device may move to another IoT hub (and, with migrateDeviceData "
        "false, lose its twin).",
        std::string(citation::dps_allocation),
        "Make sure the new hubs are linked and ready, and check the reprovision policy.", {},
        "allocationPolicy changed from hashed to static"));
    add(make_metadata(rule_id::devices_change_reprovision,
                      "Devices would get another reprovision policy", Severity::notice,
                      Target::enrollment_group,
                      "What DPS does with the device's hub assignment and twin data when it "
                      "registers again changes.",
                      std::string(citation::dps_reprovision),
                      "Check that the new reprovision policy is intended.", {},
                      "reprovisionPolicy.migrateDeviceData changed to false"));
    add(make_metadata(rule_id::devices_change_twin, "Devices would get another initial twin",
                      Severity::notice, Target::initial_twin,
                      "Devices provisioned after the change start with another initial twin; "
                      "devices already provisioned keep theirs unless reprovisioned with reset.",
                      std::string(citation::dps_reprovision), "Check the edited initial twin.", {},
                      "initialTwin.properties.desired.firmware edited"));
    add(make_metadata(
        rule_id::devices_gain_provisioning, "Devices that were refused would provision",
        Severity::warning, Target::enrollment_group,
        "A device DPS refused before (disabled entry, no enrollment, untrusted chain) would "
        "provision after the change; a removed blocklist entry lets the device back in.",
        std::string(citation::dps_revoke),
        "Check that these devices are meant to provision; to keep one out, keep a disabled "
        "individual enrollment for it rather than deleting it.",
        {}, "a disabled individual enrollment is deleted"));
    add(make_metadata(
        rule_id::devices_lose_provisioning, "Devices would stop provisioning", Severity::error,
        Target::enrollment_group,
        "Devices that provision today would be refused on their next registration (disabled or "
        "deleted enrollment, CA record removed or unverified, chain no longer trusted).",
        x509,
        "Undo the change, or, if the loss is intended, say so with --expect-loss ENROLLMENT or "
        "a suppression of diff.devices-lose-provisioning targeting the enrollment.",
        {}, "the enrollment group of the devices is disabled"));
    add(make_metadata(
        rule_id::expected_loss, "Devices would stop provisioning, as expected", Severity::notice,
        Target::enrollment_group,
        "The loss was marked expected (--expect-loss): reported for the record, not as a "
        "failure.",
        x509, "Nothing to do if the loss is intended.", {},
        "--expect-loss my-group with my-group disabled"));
    add(make_metadata(
        rule_id::group_moved_to_root, "Enrollment group moved from an intermediate to a root",
        Severity::warning, Target::enrollment_group,
        "DPS walks a device's chain from its issuer up and stops at the first certificate a "
        "group uses; a group on a root claims every device under that root that no nearer group "
        "claims, including devices of other intermediates and customers.",
        x509, "Keep the group on the intermediate, or check every intermediate under the root.", {},
        "caReferences.primary changed from my-intermediate-ca to my-root-ca"));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a->metadata().id < b->metadata().id; });
    return out;
}

const lint::ActiveRule* active_rule(const lint::Linter& linter, std::string_view id) {
    for (const auto& a : linter.active_rules()) {
        if (a.rule->metadata().id == id)
            return &a;
    }
    return nullptr;
}

std::string enrollment_key(const std::optional<EnrollmentRef>& e) {
    return e ? e->kind + "/" + ascii_lower(e->id) : std::string();
}

std::string enrollment_text(const std::optional<EnrollmentRef>& e) {
    return e ? e->kind + " " + quote_input(e->id, max_shown_bytes) : std::string("no enrollment");
}

bool expected(const std::optional<EnrollmentRef>& e, const std::vector<std::string>& ids) {
    return e && std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
               return iequals(id, e->id);
           });
}

// The enrollment a transition finding is about, and where it is.
Location enrollment_location(const std::optional<EnrollmentRef>& e) {
    Location l;
    if (e) {
        l.file = e->source.file;
        l.json_pointer = e->source.pointer;
        l.enrollment_kind = e->kind;
        l.enrollment_id = e->id;
    }
    return l;
}

}  // namespace

const std::vector<const lint::Rule*>& diff_rules() {
    static const auto owned = make_diff_rules();
    static const auto rules = [] {
        std::vector<const lint::Rule*> out;
        for (const auto& r : owned)
            out.push_back(r.get());
        return out;
    }();
    return rules;
}

void TransitionPolicy::count(const char* rule, const std::string& file,
                             const DeviceImpact& device) {
    const auto& b = device.before;
    const auto& a = device.after;
    Tally& t = tallies_[Key{rule, enrollment_key(b.enrollment), enrollment_key(a.enrollment),
                            a.reason_code}];
    if (t.devices++ == 0) {
        t.example_file = file;
        t.example_registration_id = a.registration_id;
        t.after_reason = a.reason;
        t.after_code = a.reason_code;
        t.before = b.enrollment;
        t.after = a.enrollment;
    }
}

void TransitionPolicy::observe(const std::string& file, const DeviceImpact& device) {
    const Transition t = device.comparison.transition;
    if (loses_provisioning(t))
        count(rule_id::devices_lose_provisioning, file, device);
    if (gains_provisioning(t))
        count(rule_id::devices_gain_provisioning, file, device);
    const Aspects& aspects = device.comparison.aspects;
    if (aspects.enrollment)
        count(rule_id::devices_change_enrollment, file, device);
    if (aspects.hubs)
        count(rule_id::devices_change_hub, file, device);
    if (aspects.twin)
        count(rule_id::devices_change_twin, file, device);
    if (aspects.reprovision)
        count(rule_id::devices_change_reprovision, file, device);
}

std::vector<Finding> TransitionPolicy::findings(
    const lint::Linter& linter, const std::vector<std::string>& expected_losses) const {
    std::vector<Finding> out;
    for (const auto& [key, t] : tallies_) {
        std::string id = std::get<0>(key);
        const bool loss = id == rule_id::devices_lose_provisioning;
        if (loss && (expected(t.before, expected_losses) || expected(t.after, expected_losses)))
            id = rule_id::expected_loss;
        const lint::ActiveRule* rule = active_rule(linter, id);
        if (rule == nullptr)
            continue;  // disabled
        const std::string n = std::to_string(t.devices) + " device(s)";
        const std::string example =
            " (first: " + one_line(t.example_file)
            + (t.example_registration_id.empty()
                   ? std::string()
                   : ", " + quote_input(t.example_registration_id, max_shown_bytes))
            + ")";
        std::string message;
        Location location = enrollment_location(t.before ? t.before : t.after);
        if (loss) {
            message = n + " provisioned through " + enrollment_text(t.before)
                      + " would no longer provision: " + one_line(t.after_reason) + " ("
                      + std::to_string(t.after_code) + ", " + enrollment_text(t.after) + ")";
        } else if (id == rule_id::devices_gain_provisioning) {
            location = enrollment_location(t.after);
            message = n + " refused before (" + enrollment_text(t.before)
                      + ") would provision through " + enrollment_text(t.after);
        } else if (id == rule_id::devices_change_enrollment) {
            message = n + " would move from " + enrollment_text(t.before) + " to "
                      + enrollment_text(t.after);
        } else if (id == rule_id::devices_change_hub) {
            message = n + " of " + enrollment_text(t.before)
                      + " would be allocated over another hub set or policy";
        } else if (id == rule_id::devices_change_twin) {
            message = n + " of " + enrollment_text(t.before) + " would get another initial twin";
        } else if (id == rule_id::devices_change_reprovision) {
            message =
                n + " of " + enrollment_text(t.before) + " would get another reprovision policy";
        } else {
            message = n + " would stop provisioning as expected: " + enrollment_text(t.before)
                      + " -> " + one_line(t.after_reason) + " (" + enrollment_text(t.after) + ")";
        }
        lint::FindingSink sink(rule->rule->metadata(), rule->severity, out);
        sink.report(message + example, std::move(location));
    }
    return out;
}

std::vector<Finding> configuration_findings(const ConfigDiff& diff, const lint::LintContext& before,
                                            const lint::LintContext& after,
                                            const lint::Linter& linter) {
    std::vector<Finding> out;
    const lint::ActiveRule* rule = active_rule(linter, rule_id::group_moved_to_root);
    if (rule == nullptr)
        return out;
    for (const auto& change : diff.changes) {
        if (change.kind != EntityKind::group || change.change != ChangeKind::changed)
            continue;
        const lint::GroupView* b = before.group(change.id);
        const lint::GroupView* a = after.group(change.id);
        if (b == nullptr || a == nullptr || a->cas.empty() || b->cas.empty())
            continue;
        const auto& now = a->cas.front().certificate;
        const auto& was = b->cas.front().certificate;
        if (!now || !was || now->sha256() == was->sha256())
            continue;
        if (!after.is_self_signed(*now) || before.is_self_signed(*was))
            continue;
        Location location = a->location();
        lint::FindingSink sink(rule->rule->metadata(), rule->severity, out);
        sink.report("group " + quote_input(change.id, max_shown_bytes) + " moved from "
                        + one_line(was->label()) + " to the root " + one_line(now->label())
                        + ": it now claims every device under that root no nearer group claims",
                    std::move(location));
    }
    return out;
}

std::string finding_identity(const Finding& f) {
    const Location& l = f.location;
    const bool has_entity = !l.enrollment_id.empty() || !l.ca_name.empty() || !l.sha256.empty()
                            || !l.sha1.empty() || !l.registration_id.empty() || !l.subject.empty();
    std::string out = f.id;
    for (const std::string& part : {l.enrollment_kind, ascii_lower(l.enrollment_id), l.ca_name,
                                    ascii_lower(l.registration_id), l.sha256, l.sha1, l.subject}) {
        out += '\x1f';
        out += part;
    }
    out += '\x1f';
    if (l.path_position)
        out += std::to_string(*l.path_position);
    // A finding about nothing in particular (a hub, the service) is told apart by its words.
    if (!has_entity)
        out += '\x1f' + f.message;
    return out;
}

LintChanges compare_lint(const std::vector<Finding>& before, const std::vector<Finding>& after) {
    const auto about_the_run = [](const Finding& f) {
        return f.id.rfind("config.", 0) == 0;
    };
    std::multiset<std::string> was;
    std::multiset<std::string> now;
    for (const auto& f : before) {
        if (!about_the_run(f))
            was.insert(finding_identity(f));
    }
    for (const auto& f : after) {
        if (!about_the_run(f))
            now.insert(finding_identity(f));
    }
    LintChanges out;
    for (const auto& f : after) {
        if (about_the_run(f))
            continue;
        const auto it = was.find(finding_identity(f));
        if (it == was.end())
            out.introduced.push_back(f);
        else
            was.erase(it);
    }
    for (const auto& f : before) {
        if (about_the_run(f))
            continue;
        const auto it = now.find(finding_identity(f));
        if (it == now.end())
            out.fixed.push_back(f);
        else
            now.erase(it);
    }
    sort_findings(out.introduced);
    sort_findings(out.fixed);
    return out;
}

}  // namespace dpslint::diff
