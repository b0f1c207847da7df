#include "lint_ci_model.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "dpslint/chain_checks.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/fingerprint.hpp"
#include "dpslint/profile.hpp"
#include "dpslint/version.hpp"

#include "exit_codes.hpp"

namespace dpslint::cli {

namespace {

using formats::CheckedEntity;
using formats::ReportFinding;
using formats::ReportModel;
using formats::RuleDescriptor;

RuleDescriptor rule_descriptor(const lint::RuleMetadata& m) {
    RuleDescriptor d;
    d.id = m.id;
    d.name = formats::rule_name(m.id);
    d.short_description = m.title;
    d.full_description = m.title + ". " + m.rationale;
    d.help_text = "Why: " + m.rationale + "\nFix: " + m.fix + "\nSource: " + m.citation;
    d.help_markdown =
        "**Why:** " + m.rationale + "\n\n**Fix:** " + m.fix + "\n\n**Source:** " + m.citation;
    d.default_level = m.severity;
    d.category = m.category;
    return d;
}

// A finding id the rule registry does not have, described by where it is declared: the finding
// catalogue (attestation.*, input.*, config.*), the path validator's checks (chain.*) or the RFC
// 5280 profile (x509.*). An id declared nowhere keeps what its finding carries.
RuleDescriptor finding_descriptor(const Finding& f) {
    std::string title;
    std::string citation = f.citation;
    Severity level = f.severity;
    if (const FindingKind* kind = find_finding_kind(f.id)) {
        title = std::string(kind->explanation);
        citation = std::string(kind->citation);
        level = kind->severity;
    } else if (const CheckInfo* check = find_chain_check(f.id)) {
        title = std::string(check->title);
        citation = std::string(check->citation);
    } else if (const ProfileCheckInfo* profile = find_profile_check(f.id)) {
        title = std::string(profile->title);
        citation = std::string(profile->citation);
    } else {
        title = f.id;
    }
    if (!title.empty())
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    RuleDescriptor d;
    d.id = f.id;
    d.name = formats::rule_name(f.id);
    d.short_description = title;
    d.full_description = title + ".";
    d.help_text = title + ".\nSource: " + citation;
    d.help_markdown = title + ".\n\n**Source:** " + citation;
    d.default_level = level;
    d.category = f.id.substr(0, f.id.find('.'));
    return d;
}

// The entity kinds a rule inspects.
std::vector<std::string> kinds_of(lint::Target target) {
    switch (target) {
        case lint::Target::enrollment_group:
            return {"enrollment group"};
        case lint::Target::individual_enrollment:
            return {"individual enrollment"};
        case lint::Target::initial_twin:
            return {"enrollment group", "individual enrollment"};
        case lint::Target::ca_record:
            return {"CA record"};
        case lint::Target::device_certificate:
            return {"device file"};
        case lint::Target::certificate:
            return {"device file", "CA record"};
        default:
            return {};
    }
}

std::string kind_of_key(const std::string& key) {
    const std::string prefix = key.substr(0, key.find(':'));
    static const std::map<std::string, std::string> names{
        {"enrollment-group", "enrollment group"},
        {"individual-enrollment", "individual enrollment"},
        {"ca", "CA record"},
        {"linked-hub", "linked hub"},
        {"service", "service"},
        {"registration", "registration"},
        {"certificate-file", "certificate file"},
        {"file", "file"}};
    const auto it = names.find(prefix);
    return it == names.end() ? prefix : it->second;
}

void add_entities(ReportModel& model, const LintModelInputs& in) {
    const Snapshot& s = *in.snapshot;
    for (const auto& group : s.groups)
        model.entities.push_back(
            {"enrollment-group:" + group.id, "", "enrollment group", group.id, {}, {}});
    if (s.individuals) {
        for (const auto& individual : *s.individuals)
            model.entities.push_back({"individual-enrollment:" + individual.registration_id,
                                      "",
                                      "individual enrollment",
                                      individual.registration_id,
                                      {},
                                      {}});
    }
    if (s.certificates) {
        for (const auto& record : *s.certificates)
            model.entities.push_back({"ca:" + record.name, "", "CA record", record.name, {}, {}});
    }
    add_file_entities(model, in.device_files);
    const std::set<std::string> run(in.report->rules_run.begin(), in.report->rules_run.end());
    const std::set<std::string> skipped(in.report->rules_not_applicable.begin(),
                                        in.report->rules_not_applicable.end());
    for (const lint::Rule* rule : *in.rules) {
        const auto& m = rule->metadata();
        for (const auto& kind : kinds_of(m.inspects)) {
            for (auto& e : model.entities) {
                if (e.kind != kind)
                    continue;
                if (run.count(m.id))
                    e.rules_applied.push_back(m.id);
                else if (skipped.count(m.id))
                    e.rules_skipped.push_back(m.id);
            }
        }
    }
}

const std::vector<std::string>& entity_decision_columns() {
    static const std::vector<std::string> columns{"Checked", "Errors", "Warnings", "Notices",
                                                  "Result"};
    return columns;
}

void add_decisions(ReportModel& model) {
    model.decision_columns = entity_decision_columns();
    model.decisions.clear();
    for (const auto& e : model.entities) {
        std::size_t counts[3] = {0, 0, 0};
        bool failing = false;
        for (const auto& rf : model.findings) {
            const bool mine =
                e.file.empty() ? rf.entity == e.key : rf.finding.location.file == e.file;
            if (!mine)
                continue;
            ++counts[static_cast<int>(rf.finding.severity)];
            failing = failing || formats::fails(rf, model.fail_level);
        }
        model.decisions.push_back({e.kind + " " + e.name, std::to_string(counts[2]),
                                   std::to_string(counts[1]), std::to_string(counts[0]),
                                   failing ? "fail" : "pass"});
    }
}

void add_trust(ReportModel& model, const Snapshot& s) {
    if (s.certificates) {
        for (const auto& record : *s.certificates)
            model.trust.cas.push_back({record.name, record.is_verified});
    }
    std::vector<std::string> all_hubs;
    for (const auto& hub : s.hubs())
        all_hubs.push_back(hub.name);
    for (const auto& group : s.groups) {
        formats::TrustGroup g;
        g.id = group.id;
        g.enabled = group.settings.enabled;
        if (const auto& x509 = group.settings.attestation.x509) {
            if (x509->ca_reference_primary)
                g.cas.push_back(*x509->ca_reference_primary);
            if (x509->ca_reference_secondary)
                g.cas.push_back(*x509->ca_reference_secondary);
        }
        g.hubs = group.settings.iot_hubs.empty() ? all_hubs : group.settings.iot_hubs;
        model.trust.groups.push_back(std::move(g));
    }
    if (s.individuals) {
        for (const auto& individual : *s.individuals) {
            if (!individual.settings.enabled)
                model.trust.devices.push_back({individual.registration_id, "blocked"});
        }
    }
}

}  // namespace

void add_file_entities(formats::ReportModel& model, const std::vector<std::string>& device_files) {
    for (const auto& file : device_files)
        model.entities.push_back({"device-file:" + file,
                                  file,
                                  "device file",
                                  std::filesystem::path(file).filename().string(),
                                  {},
                                  {}});
    // Whatever else a finding is about (a linked hub, the service, a file as a whole). Sets, so
    // that a batch of many files stays linear.
    std::set<std::string> keys;
    for (const auto& e : model.entities)
        keys.insert(e.key);
    const std::set<std::string> files(device_files.begin(), device_files.end());
    for (const auto& rf : model.findings) {
        if (files.count(rf.finding.location.file) || !keys.insert(rf.entity).second)
            continue;
        model.entities.push_back({rf.entity,
                                  "",
                                  kind_of_key(rf.entity),
                                  rf.entity.substr(rf.entity.find(':') + 1),
                                  {},
                                  {}});
    }
}

std::optional<Severity> fail_severity(lint::FailLevel level) noexcept {
    switch (level) {
        case lint::FailLevel::error:
            return Severity::error;
        case lint::FailLevel::warning:
            return Severity::warning;
        case lint::FailLevel::notice:
            return Severity::notice;
        case lint::FailLevel::never:
            break;
    }
    return std::nullopt;
}

formats::ReportModel findings_report_model(const FindingsModelInputs& in) {
    ReportModel model;
    model.tool_version = std::string(library_version());
    model.command = in.command;
    model.source_root = in.source_root;
    model.fail_level = fail_severity(in.fail_on);

    const auto& findings = *in.findings;
    const auto fingerprints = finding_fingerprints(findings, in.snapshot);
    const auto entities = finding_entities(findings, in.snapshot);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        ReportFinding rf;
        rf.finding = findings[i];
        rf.fingerprint = fingerprints[i];
        rf.entity = entities[i];
        rf.artifact = formats::relative_artifact(findings[i].location.file, in.source_root, in.cwd);
        model.findings.push_back(std::move(rf));
    }

    std::map<std::string, RuleDescriptor> descriptors;
    if (in.rules) {
        for (const lint::Rule* rule : *in.rules)
            descriptors.emplace(rule->metadata().id, rule_descriptor(rule->metadata()));
    }
    for (const auto& f : findings) {
        if (descriptors.count(f.id))
            continue;
        const lint::Rule* rule = nullptr;
        if (in.all_rules) {
            for (const lint::Rule* r : *in.all_rules)
                rule = r->metadata().id == f.id ? r : rule;
        }
        descriptors.emplace(f.id, rule ? rule_descriptor(rule->metadata()) : finding_descriptor(f));
    }
    for (auto& [id, d] : descriptors)
        model.rules.push_back(std::move(d));
    settle_verdict(model, false);
    return model;
}

formats::ReportModel lint_report_model(const LintModelInputs& in) {
    FindingsModelInputs common;
    common.command = "lint";
    common.findings = &in.report->findings;
    common.rules = in.rules;
    common.snapshot = in.snapshot;
    common.fail_on = in.fail_on;
    common.source_root = in.source_root;
    common.cwd = in.cwd;
    ReportModel model = findings_report_model(common);
    model.rules_not_applicable = in.report->rules_not_applicable;
    if (in.snapshot) {
        add_entities(model, in);
        add_trust(model, *in.snapshot);
    }
    settle_verdict(model, false);
    return model;
}

void add_snapshot_trust(formats::ReportModel& model, const Snapshot& snapshot) {
    add_trust(model, snapshot);
}

void settle_verdict(formats::ReportModel& model, bool bad_input) {
    const bool failing = formats::any_failing(model);
    if (bad_input) {
        model.verdict = "input error";
        model.exit_status = exit_usage;
    } else {
        model.verdict = failing ? "fail" : "pass";
        model.exit_status = failing ? exit_findings : exit_ok;
    }
    // A command that fills its own decisions table (simulate: one row per device) keeps it.
    if (model.decision_columns.empty() || model.decision_columns == entity_decision_columns())
        add_decisions(model);
}

}  // namespace dpslint::cli
