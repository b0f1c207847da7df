#include "batch_ci_model.hpp"

#include <iterator>

#include "dpslint/finding_catalogue.hpp"

#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "lint_ci_model.hpp"

namespace dpslint::cli {

bool BatchCiCollector::wanted_by(const std::string& format, const CiOutputOptions& options) {
    return formats::parse_ci_format(format) || !options.outputs.empty() || !options.baseline.empty()
           || !options.write_baseline.empty();
}

void BatchCiCollector::add(const batch::FileRecord& record) {
    if (!wanted_)
        return;
    files_.push_back(record.path);
    if (record.rejected()) {
        Location location;
        location.file = record.path;
        if (const FindingKind* kind = find_finding_kind(record.error_id))
            findings_.push_back(make_finding(*kind, record.error, location));
        return;
    }
    for (const auto& device : record.devices) {
        for (auto f : device.findings) {
            if (f.location.file.empty())
                f.location.file = record.path;
            findings_.push_back(std::move(f));
        }
    }
}

formats::ReportModel BatchCiCollector::findings_model(const std::string& command,
                                                      std::vector<Finding> run_findings,
                                                      lint::FailLevel fail_on,
                                                      const Snapshot* snapshot,
                                                      const CiRequests& requests) const {
    std::vector<Finding> findings = findings_;
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
    add_file_entities(model, files_);
    return model;
}

formats::ReportModel BatchCiCollector::model(const BatchOutcome& outcome,
                                             const CiRequests& requests) const {
    formats::ReportModel model = findings_model(outcome.command, outcome.batch_report.findings,
                                                outcome.fail_on, nullptr, requests);
    model.decision_columns = {"Decision", "Devices"};
    for (const auto& [decision, count] : outcome.tally.decisions)
        model.decisions.push_back({decision, std::to_string(count)});
    model.decisions.push_back({"rejected files", std::to_string(outcome.tally.files_rejected)});
    finish_ci_model(model, requests, false, outcome.failed() ? exit_findings : exit_ok);
    return model;
}

int write_batch_outputs(BatchOutcome& outcome, const BatchCiCollector& collector,
                        const std::string& format, const CiOutputOptions& options,
                        const CiRequests& requests, std::ostream& out) {
    const formats::ReportModel model = collector.model(outcome, requests);
    if (requests.baseline) {
        outcome.baseline_failed = model.exit_status == exit_findings;
        outcome.baseline = baseline_summary(model);
    }
    write_run_outputs(format, options, requests, run_documents(batch_reporter, outcome, model),
                      out);
    return model.exit_status;
}

}  // namespace dpslint::cli
