#include "lint_ci_model.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "dpslint/fingerprint.hpp"
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

// A finding id the rule registry does not have (chain.*, attestation.*, input.*, config.*):
// described by what its findings carry.
RuleDescriptor finding_descriptor(const Finding& f) {
    RuleDescriptor d;
    d.id = f.id;
    d.name = formats::rule_name(f.id);
    d.short_description = "dpslint check " + f.id;
    d.full_description = "dpslint check " + f.id + " (see the citation for the requirement).";
    d.help_text = "Source: " + f.citation;
    d.help_markdown = "**Source:** " + f.citation;
    d.default_level = f.severity;
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
    for (const auto& file : in.device_files)
        model.entities.push_back({"device-file:" + file,
                                  file,
                                  "device file",
                                  std::filesystem::path(file).filename().string(),
                                  {},
                                  {}});
    // Whatever else a finding is about (a linked hub, the service, a file as a whole).
    std::set<std::string> keys;
    for (const auto& e : model.entities)
        keys.insert(e.key);
    for (const auto& rf : model.findings) {
        const bool in_device_file =
            std::any_of(in.device_files.begin(), in.device_files.end(),
                        [&](const std::string& f) { return f == rf.finding.location.file; });
        if (in_device_file || !keys.insert(rf.entity).second)
            continue;
        model.entities.push_back({rf.entity,
                                  "",
                                  kind_of_key(rf.entity),
                                  rf.entity.substr(rf.entity.find(':') + 1),
                                  {},
                                  {}});
    }
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

void add_decisions(ReportModel& model) {
    model.decision_columns = {"Checked", "Errors", "Warnings", "Notices", "Result"};
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

formats::ReportModel lint_report_model(const LintModelInputs& in) {
    ReportModel model;
    model.tool_version = std::string(library_version());
    model.command = "lint";
    model.source_root = in.source_root;
    model.fail_level = fail_severity(in.fail_on);

    const auto& findings = in.report->findings;
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
    for (const lint::Rule* rule : *in.rules)
        descriptors.emplace(rule->metadata().id, rule_descriptor(rule->metadata()));
    for (const auto& f : findings)
        descriptors.emplace(f.id, finding_descriptor(f));
    for (auto& [id, d] : descriptors)
        model.rules.push_back(std::move(d));

    model.rules_not_applicable = in.report->rules_not_applicable;
    if (in.snapshot) {
        add_entities(model, in);
        add_trust(model, *in.snapshot);
    }
    settle_verdict(model, false);
    return model;
}

void settle_verdict(formats::ReportModel& model, bool bad_input) {
    const bool failing =
        std::any_of(model.findings.begin(), model.findings.end(),
                    [&](const ReportFinding& rf) { return formats::fails(rf, model.fail_level); });
    if (bad_input) {
        model.verdict = "input error";
        model.exit_status = exit_usage;
    } else {
        model.verdict = failing ? "fail" : "pass";
        model.exit_status = failing ? exit_findings : exit_ok;
    }
    add_decisions(model);
}

}  // namespace dpslint::cli
