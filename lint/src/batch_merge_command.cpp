#include "batch_merge_command.hpp"

#include <fstream>
#include <ostream>

#include "dpslint/batch/batch_session.hpp"
#include "dpslint/error.hpp"

#include "batch_ci_model.hpp"
#include "batch_report.hpp"
#include "batch_summary_output.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "render.hpp"
#include "shard_reports.hpp"

namespace dpslint::cli {

BatchMergeCommand::BatchMergeCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "batch-merge", "Merge shard reports of `batch --shard` and run the cross-batch rules");
    command_->add_option("--report", report_, "Write the merged report here (JSON Lines)")
        ->type_name("FILE");
    common_.add_at(*command_);
    common_.add_format(*command_, true);
    lint_.add(*command_);
    ci_.add(*command_);
    ci_.add_max_results(*command_);
    command_
        ->add_option("reports", reports_,
                     "Shard reports (JSON Lines). Every argument that is not an option or an "
                     "option's one value is a REPORT")
        ->required()
        ->type_name("REPORT");
}

int BatchMergeCommand::run(const CommandStreams& io) const {
    try {
        return merge(io);
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("malformed report line: ") + e.what());
    }
}

int BatchMergeCommand::merge(const CommandStreams& io) const {
    const CiRequests requests = read_ci_requests(ci_);
    const TimePoint at = common_.evaluation_time();
    const LintOptions::Resolved settings = lint_.resolve(rules::registry());
    ShardReports shards(reports_);
    std::ofstream merged;
    if (!report_.empty()) {
        merged.open(report_, std::ios::binary | std::ios::trunc);
        if (!merged)
            throw InputError(report_, "", "cannot write the merged report");
    }

    // The devices were checked in the shards: only the cross-batch rules run here, on what the
    // report lines carry, so no context (and no crypto backend) is needed.
    const lint::Linter linter(rules::registry(), settings.config, settings.toggles, at);
    batch::BatchSession session(linter, nullptr);
    BatchOutcome outcome;
    BatchCiCollector collector(BatchCiCollector::wanted_by(common_.format, ci_), ci_.max_results,
                               requests.baseline || !ci_.write_baseline.empty(), settings.fail_on);
    std::vector<ReportLinePlace> device_lines;  // by device number, for the late lookups
    batch::FileRecord record;
    std::vector<ReportLinePlace> places;
    while (shards.next(record, places, merged.is_open() ? &merged : nullptr)) {
        outcome.tally.add(record);
        collector.add(record);
        session.observe(record);
        device_lines.insert(device_lines.end(), places.begin(), places.end());
    }

    outcome.batch_report = session.finish(
        [&](const std::vector<batch::DevicePlace>& wanted) {
            std::vector<lint::DeviceSummary> found(wanted.size());
            for (std::size_t i = 0; i < wanted.size(); ++i) {
                if (auto s = shards.summary_at(device_lines.at(wanted[i].number)))
                    found[i] = std::move(*s);
            }
            return found;
        },
        {});
    outcome.command = "batch-merge";
    outcome.header = {
        {"reports", reports_},
        {"report", report_.empty() ? nlohmann::json(nullptr)
                                   : nlohmann::json{{"path", report_}, {"format", "jsonl"}}}};
    outcome.inputs = std::to_string(reports_.size()) + " shard report(s) merged, "
                     + std::to_string(outcome.tally.files_seen) + " input file(s) in them";
    outcome.fail_on = settings.fail_on;
    return write_batch_outputs(outcome, collector, common_.format, ci_, requests, io.out);
}

}  // namespace dpslint::cli
