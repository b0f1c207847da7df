#include "dpslint/diff/policy.hpp"

#include <algorithm>
#include <set>

#include "dpslint/identifiers.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::diff {

namespace {

// The rule as the linter holds it (configured severity); null when disabled or not in its
// registry (the diff.* rules are in rules/diff/, dpslint_rules/registry.hpp).
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
        if (id == rule_id::devices_lose_provisioning) {
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
