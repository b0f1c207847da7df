#include "batch_ci_model.hpp"

#include <iterator>

#include "dpslint/finding_catalogue.hpp"
#include "dpslint/fingerprint.hpp"

#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "lint_ci_model.hpp"

namespace dpslint::cli {

BatchCiCollector::BatchCiCollector(bool wanted, std::size_t limit, bool compact,
                                   lint::FailLevel fail_on)
    : wanted_(wanted), compact_(compact), fail_level_(fail_severity(fail_on)) {
    omitted_.limit = limit;
}

bool BatchCiCollector::wanted_by(const std::string& format, const CiOutputOptions& options) {
    return formats::parse_ci_format(format) || !options.outputs.empty() || !options.baseline.empty()
           || !options.write_baseline.empty();
}

void BatchCiCollector::add(const batch::FileRecord& record) {
    if (!wanted_)
        return;
    std::vector<Finding> findings;
    if (record.rejected()) {
        Location location;
        location.file = record.path;
        if (const FindingKind* kind = find_finding_kind(record.error_id))
            findings.push_back(make_finding(*kind, record.error, location));
    } else {
        for (const auto& device : record.devices) {
            for (auto f : device.findings) {
                if (f.location.file.empty())
                    f.location.file = record.path;
                findings.push_back(std::move(f));
            }
        }
    }
    std::array<std::size_t, 3> wanted{};
    for (const auto& f : findings)
        ++wanted[static_cast<std::size_t>(f.severity)];
    bool fits = findings.empty() ? clean_files_ < omitted_.limit : true;
    for (std::size_t i = 0; i < wanted.size(); ++i)
        fits = fits && (wanted[i] == 0 || kept_[i] + wanted[i] <= omitted_.limit);
    if (!fits) {
        omit(findings);
        return;
    }
    for (std::size_t i = 0; i < wanted.size(); ++i)
        kept_[i] += wanted[i];
    clean_files_ += findings.empty() ? 1 : 0;
    files_.push_back(record.path);
    findings_.insert(findings_.end(), std::make_move_iterator(findings.begin()),
                     std::make_move_iterator(findings.end()));
}

void BatchCiCollector::omit(const std::vector<Finding>& findings) {
    ++omitted_.files;
    bool failing = false;
    for (const auto& f : findings) {
        ++omitted_.count;
        ++omitted_.by_severity[static_cast<std::size_t>(f.severity)];
        ++omitted_.by_rule[f.id];
        failing = failing || (fail_level_ && f.severity >= *fail_level_);
    }
    omitted_.failing_files += failing ? 1 : 0;
    if (!compact_ || findings.empty())
        return;
    // A device finding's fingerprint depends only on findings of the same entity, which lies in
    // this file: computed here it is the one the whole run's list would give.
    const auto fingerprints = finding_fingerprints(findings, nullptr);
    const auto entities = finding_entities(findings, nullptr);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto [it, added] = rule_numbers_.emplace(
            findings[i].id, static_cast<std::uint32_t>(omitted_.rules.size()));
        if (added)
            omitted_.rules.push_back(findings[i].id);
        formats::CompactFinding cf;
        cf.fingerprint = fingerprints[i];
        cf.entity = entities[i];
        cf.rule = it->second;
        cf.severity = findings[i].severity;
        cf.file = omitted_.files;
        omitted_.compact.push_back(std::move(cf));
    }
}

formats::ReportModel BatchCiCollector::findings_model(const std::string& command,
                                                      std::vector<Finding> run_findings,
                                                      lint::FailLevel fail_on,
                                                      const Snapshot* snapshot,
                                                      const CiRequests& requests) {
    std::vector<Finding> findings = std::move(findings_);
    findings_.clear();
    findings.insert(findings.end(), std::make_move_iterator(run_findings.begin()),
                    std::make_move_iterator(run_findings.end()));
    FindingsModelInputs inputs;
    inputs.command = command;
    inputs.findings = &findings;
    inputs.all_rules = &rules::registry();
    inputs.snapshot = snapshot;
    inputs.fail_on = fail_on;
    inputs.source_root = requests.source_root;
    inputs.cwd = requests.cwd;
    formats::ReportModel model = findings_report_model(inputs);
    findings.clear();
    findings.shrink_to_fit();
    model.omitted = std::move(omitted_);
    add_file_entities(model, files_);
    return model;
}

formats::ReportModel BatchCiCollector::model(const BatchOutcome& outcome,
                                             const CiRequests& requests) {
    formats::ReportModel model = findings_model(outcome.command, outcome.batch_report.findings,
                                                outcome.fail_on, nullptr, requests);
    model.decision_columns = {"Decision", "Devices"};
    for (const auto& [decision, count] : outcome.tally.decisions)
        model.decisions.push_back({decision, std::to_string(count)});
    model.decisions.push_back({"rejected files", std::to_string(outcome.tally.files_rejected)});
    finish_ci_model(model, requests, false, outcome.failed() ? exit_findings : exit_ok);
    return model;
}

int write_batch_outputs(BatchOutcome& outcome, BatchCiCollector& collector,
                        const std::string& format, const CiOutputOptions& options,
                        const CiRequests& requests, std::ostream& out) {
    const formats::ReportModel model = collector.model(outcome, requests);
    if (requests.baseline) {
        outcome.baseline_failed = model.exit_status == exit_findings;
        outcome.baseline = formats::baseline_summary(model);
    }
    write_run_outputs(format, options, requests, run_documents(batch_reporter, outcome, model),
                      out);
    return model.exit_status;
}

}  // namespace dpslint::cli
