#include "diff_command.hpp"

#include <algorithm>
#include <limits>
#include <ostream>

#include "dpslint/batch/input_walker.hpp"
#include "dpslint/diff/config_diff.hpp"
#include "dpslint/diff/impact.hpp"
#include "dpslint/diff/policy.hpp"
#include "dpslint/error.hpp"
#include "dpslint/finding_positions.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/json_input.hpp"
#include "dpslint/lint/context.hpp"

#include "batch_ci_model.hpp"
#include "certificate_inputs.hpp"
#include "ci_output.hpp"
#include "diff_report.hpp"
#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "lint_ci_model.hpp"

namespace dpslint::cli {

namespace {

// The device files of an earlier `batch --report` (JSON Lines), each once, in report order (a
// file holding several devices has one line per device, one after the other).
class ReportFiles {
public:
    explicit ReportFiles(const std::string& path)
        : path_(path), in_(path, max_report_line_bytes, "report line") {}

    // Throws InputError naming the report and the line for anything but a batch report line.
    bool next(std::string& file) {
        std::string text;
        std::uint64_t offset = 0;
        while (in_.next(text, offset)) {
            ++line_;
            if (text.empty())
                continue;
            const std::string place = "line " + std::to_string(line_);
            nlohmann::json j;
            try {
                j = parse_json_strict(text, path_);
            } catch (const InputError& e) {
                throw InputError(path_, place, e.detail());
            }
            if (!j.is_object() || !j.contains("file") || !j["file"].is_string()) {
                throw InputError(path_, place,
                                 "not a dpslint batch report line (JSON Lines from `dpslint batch "
                                 "--report FILE --report-format jsonl`)");
            }
            std::string name = j["file"].get<std::string>();
            if (name == last_)
                continue;
            last_ = name;
            file = std::move(name);
            return true;
        }
        return false;
    }

private:
    std::string path_;
    InputLines in_;
    std::string last_;
    std::uint64_t line_ = 0;
};

// DEVICE_FILE and directory arguments first, then the files of each --devices-from report,
// numbered in that order.
class DeviceSource {
public:
    DeviceSource(const std::vector<std::string>& inputs, const std::vector<std::string>& reports)
        : walker_(inputs), reports_(reports) {}

    bool next(batch::InputItem& item) {
        if (!walker_done_) {
            if (walker_.next(item)) {
                item.sequence = sequence_++;
                return true;
            }
            walker_done_ = true;
        }
        for (;;) {
            if (!current_) {
                if (next_report_ == reports_.size())
                    return false;
                current_.emplace(reports_[next_report_++]);
            }
            std::string file;
            if (current_->next(file)) {
                item = batch::InputItem{sequence_++, std::move(file), {}};
                return true;
            }
            current_.reset();
        }
    }

private:
    batch::InputWalker walker_;
    bool walker_done_ = false;
    const std::vector<std::string>& reports_;
    std::size_t next_report_ = 0;
    std::optional<ReportFiles> current_;
    std::uint64_t sequence_ = 0;
};

// Reads every --devices-from report once before any output, so that a bad line is refused
// before the report starts.
void check_reports(const std::vector<std::string>& reports) {
    for (const auto& path : reports) {
        ReportFiles files(path);
        std::string file;
        while (files.next(file)) {
        }
    }
}

// The CI model of a diff: the diff.* findings, the configuration status findings and the lint
// findings the change introduces, located (line and column) in the snapshot file of their
// enrollment; one checked entity per device file and per enrollment a finding is about; the
// transition counts as the decisions table; the trust picture after the change.
formats::ReportModel diff_report_model(const DiffTotals& totals, BatchCiCollector& collector,
                                       const Snapshot& after, const CiRequests& requests) {
    std::vector<Finding> findings = totals.findings;
    findings.insert(findings.end(), totals.lint.introduced.begin(), totals.lint.introduced.end());
    formats::ReportModel model =
        collector.findings_model("diff", std::move(findings), totals.fail_on, &after, requests);
    add_snapshot_trust(model, after);
    model.decision_columns = {"Transition", "Devices"};
    for (std::size_t i = 0; i < diff::transition_count; ++i) {
        model.decisions.push_back({std::string(to_string(static_cast<diff::Transition>(i))),
                                   std::to_string(totals.transitions.counts[i])});
    }
    model.decisions.push_back({"unreadable files", std::to_string(totals.unreadable)});
    return model;
}

}  // namespace

DiffCommand::DiffCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "diff",
        "Show what a change of the DPS configuration does: entities changed, and for every "
        "device given its decision before and after");
    command_->add_option("--before", before_, "DPS snapshot as deployed (directory or JSON file)")
        ->required()
        ->type_name("PATH");
    command_->add_option("--after", after_, "DPS snapshot as it would be after the change")
        ->required()
        ->type_name("PATH");
    command_
        ->add_option("--devices-from", devices_from_,
                     "Decide the devices of an earlier `batch --report` (JSON Lines); one report "
                     "per --devices-from, repeatable")
        ->type_name("REPORT");
    command_
        ->add_option("--expect-loss", expect_loss_,
                     "Enrollment whose devices are meant to stop provisioning: their loss is a "
                     "notice (diff.expected-loss), not an error; one per --expect-loss, repeatable")
        ->type_name("ENROLLMENT");
    add_presented_option(*command_, presented_);
    common_.add_at(*command_);
    common_.add_backend(*command_);
    common_.add_format(*command_, true);
    lint_.add(*command_);
    ci_.add(*command_);
    add_jobs_option(*command_, jobs_);
    command_
        ->add_option("devices", devices_,
                     "Device certificate files and directories (recursed). Every argument that "
                     "is not an option or an option's one value is a DEVICE_FILE")
        ->type_name("DEVICE_FILE");
}

int DiffCommand::run(const CommandStreams& io) const {
    std::ostream& out = io.out;
    std::ostream& err = io.err;
    const auto& rules = rules::registry();
    const CiRequests requests = read_ci_requests(ci_);
    const auto backend = common_.make_crypto_backend();
    const TimePoint at = common_.evaluation_time();

    LintOptions::Resolved settings;
    Snapshot before;
    Snapshot after;
    batch::BatchSettings batch_settings;
    std::vector<Finding> ignored_input_findings;
    settings = lint_.resolve(rules);
    before = load_snapshot(before_, *backend);
    after = load_snapshot(after_, *backend);
    batch_settings.presented = read_certificates(presented_, *backend, ignored_input_findings);
    check_reports(devices_from_);

    const lint::Linter linter(rules, settings.config, settings.toggles, at);
    lint::LintContext before_context(at, *backend, &before);
    lint::LintContext after_context(at, *backend, &after);
    const diff::ConfigDiff config = diff::diff_config(before, after);
    const lint::LintReport before_lint = linter.run(before_context);
    const lint::LintReport after_lint = linter.run(after_context);

    DiffWriters writers(common_.format, requests.outputs, out);
    writers.begin(
        DiffRunInfo{at, std::string(backend->name()), before_, after_, settings.config.file},
        config);

    DiffTotals totals;
    diff::TransitionPolicy policy;
    // No bound: the device files of a change are checked whole (diff has no --max-ci-results),
    // and a finding's fingerprint may depend on the snapshot, which the collector does not see.
    BatchCiCollector collector(BatchCiCollector::wanted_by(common_.format, ci_),
                               std::numeric_limits<std::size_t>::max(), false, settings.fail_on);
    const diff::ImpactProcessor processor(*backend, before_context, after_context, batch_settings);
    DeviceSource source(devices_, devices_from_);
    try {
        diff::run_impacts(
            processor, worker_count(jobs_),
            [&](batch::InputItem& item) { return source.next(item); },
            [&](diff::FileImpacts&& file) {
                collector.add(file.record);
                if (file.record.rejected()) {
                    ++totals.unreadable;
                    print_error(err, file.record.error);
                    writers.rejected(file.record.path, file.record.error_id, file.record.error);
                    return;
                }
                for (const auto& device : file.devices) {
                    ++totals.devices;
                    totals.transitions.add(device.comparison.transition);
                    policy.observe(file.record.path, device);
                    writers.device(file.record.path, device);
                }
            });
    } catch (const InputError& e) {
        out.flush();
        print_error(err, e.what());
        return exit_usage;
    }

    std::vector<Finding> findings = policy.findings(linter, expect_loss_);
    auto moved = diff::configuration_findings(config, before_context, after_context, linter);
    findings.insert(findings.end(), moved.begin(), moved.end());
    lint::LintReport report;
    linter.finalize(std::move(findings), report);
    totals.findings = std::move(report.findings);
    auto status = linter.suppressions().status_findings();
    totals.findings.insert(totals.findings.end(), status.begin(), status.end());
    sort_findings(totals.findings);
    totals.suppressed = report.suppressed.size();
    totals.lint = diff::compare_lint(before_lint.findings, after_lint.findings);
    totals.fail_on = settings.fail_on;

    // Line and column in the snapshot a finding points into, for the JSON as for the CI formats.
    resolve_positions(totals.findings, before.source_maps);
    resolve_positions(totals.findings, after.source_maps);
    resolve_positions(totals.lint.introduced, after.source_maps);
    resolve_positions(totals.lint.fixed, before.source_maps);
    formats::ReportModel model = diff_report_model(totals, collector, after, requests);
    const bool failing = lint::fails(totals.findings, settings.fail_on)
                         || lint::fails(totals.lint.introduced, settings.fail_on);
    finish_ci_model(model, requests, totals.unreadable > 0, failing ? exit_findings : exit_ok);
    totals.model = &model;
    writers.end(totals);

    RunDocuments documents;
    documents.model = &model;
    documents.written = writers.written();
    if (formats::parse_ci_format(common_.format))
        write_run_outputs(common_.format, ci_, requests, documents, out);
    else
        write_output_files(ci_, requests, documents);
    return model.exit_status;
}

}  // namespace dpslint::cli
