#include "batch_merge_command.hpp"

#include <fstream>
#include <memory>
#include <ostream>
#include <queue>

#include "dpslint/error.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/json_input.hpp"

#include "batch_report.hpp"
#include "batch_summary_output.hpp"
#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"

namespace dpslint::cli {

namespace {

// One shard report read line by line, each line at most max_report_line_bytes.
class ReportReader {
public:
    ReportReader(std::string path, std::size_t number)
        : path_(std::move(path)),
          number_(number),
          in_(path_, max_report_line_bytes, "report line") {
        advance();
    }

    bool done() const noexcept { return done_; }
    const nlohmann::json& line() const noexcept { return current_; }
    const std::string& text() const noexcept { return text_; }
    std::uint64_t offset() const noexcept { return offset_; }
    std::size_t number() const noexcept { return number_; }
    const std::string& path() const noexcept { return path_; }
    std::pair<std::uint64_t, std::uint64_t> key() const {
        return {current_.at("sequence").get<std::uint64_t>(),
                current_.value("certificateIndex", std::uint64_t{0})};
    }

    void advance() {
        for (;;) {
            if (!in_.next(text_, offset_)) {
                done_ = true;
                return;
            }
            ++line_number_;
            if (text_.empty())
                continue;
            const std::string place = "line " + std::to_string(line_number_);
            try {
                current_ = parse_json_strict(text_, path_);
            } catch (const InputError& e) {
                throw InputError(path_, place, e.detail());
            }
            if (!current_.is_object() || !current_.contains("sequence")
                || !current_.contains("status") || !current_.contains("file")) {
                throw InputError(path_, place,
                                 "not a dpslint batch report line (JSON Lines from `dpslint batch "
                                 "--report FILE --report-format jsonl`)");
            }
            return;
        }
    }

private:
    std::string path_;
    std::size_t number_;
    InputLines in_;
    std::string text_;
    nlohmann::json current_;
    std::uint64_t offset_ = 0;
    std::uint64_t line_number_ = 0;
    bool done_ = false;
};

}  // namespace

BatchMergeCommand::BatchMergeCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "batch-merge", "Merge shard reports of `batch --shard` and run the cross-batch rules");
    command_->add_option("--report", report_, "Write the merged report here (JSON Lines)")
        ->type_name("FILE");
    common_.add_at(*command_);
    common_.add_format(*command_);
    lint_.add(*command_);
    command_
        ->add_option("reports", reports_,
                     "Shard reports (JSON Lines). Every argument that is not an option or an "
                     "option's one value is a REPORT")
        ->required()
        ->type_name("REPORT");
}

int BatchMergeCommand::run(std::ostream& out, std::ostream& err) const {
    const auto& rules = rules::registry();
    const TimePoint at = common_.evaluation_time();
    LintOptions::Resolved settings;
    std::vector<std::unique_ptr<ReportReader>> readers;
    std::ofstream merged;
    try {
        settings = lint_.resolve(rules);
        for (std::size_t i = 0; i < reports_.size(); ++i) {
            readers.push_back(std::make_unique<ReportReader>(reports_[i], i));
        }
        if (!report_.empty()) {
            merged.open(report_, std::ios::binary | std::ios::trunc);
            if (!merged)
                throw InputError(report_, "", "cannot write the merged report");
        }
    } catch (const InputError& e) {
        print_error(err, e.what());
        return exit_usage;
    }

    const auto backend = make_openssl_backend();
    lint::LintContext context(at, *backend, nullptr);
    context.expect_streamed_devices();
    const lint::Linter linter(rules, settings.config, settings.toggles, at);
    auto aggregators = linter.start_batch(context);
    BatchTally tally;
    // Where each device's line is, for the late lookups of batch findings.
    std::vector<std::pair<std::size_t, std::uint64_t>> device_lines;

    const auto later = [](const ReportReader* a, const ReportReader* b) {
        return a->key() > b->key();
    };
    std::priority_queue<ReportReader*, std::vector<ReportReader*>, decltype(later)> heads(later);
    try {
        for (auto& r : readers) {
            if (!r->done())
                heads.push(r.get());
        }
        std::optional<std::pair<std::uint64_t, std::string>> previous_file;  // sequence, report
        while (!heads.empty()) {
            // All lines of one input file come from one shard, consecutively.
            ReportReader* reader = heads.top();
            heads.pop();
            const std::uint64_t sequence = reader->key().first;
            if (previous_file && previous_file->first == sequence) {
                throw InputError(reader->path(), "",
                                 "input " + std::to_string(sequence) + " is also in "
                                     + previous_file->second
                                     + ": the reports overlap (same shard twice?)");
            }
            std::vector<nlohmann::json> lines;
            std::vector<std::uint64_t> offsets;
            while (!reader->done() && reader->key().first == sequence) {
                lines.push_back(reader->line());
                offsets.push_back(reader->offset());
                if (merged.is_open())
                    merged << reader->text() << '\n';
                reader->advance();
            }
            if (!reader->done())
                heads.push(reader);
            previous_file = std::make_pair(sequence, reader->path());

            const batch::FileRecord record = file_record_from_lines(lines);
            tally.add(record);
            if (!record.private_key_lines.empty()) {
                for (auto& [active, aggregator] : aggregators) {
                    aggregator->observe_private_keys(record.sequence, record.path,
                                                     record.private_key_lines);
                }
            }
            for (std::size_t i = 0; i < record.devices.size(); ++i) {
                device_lines.emplace_back(reader->number(), offsets[i]);
                for (auto& [active, aggregator] : aggregators) {
                    aggregator->observe(device_lines.size() - 1, record.devices[i].summary);
                }
            }
        }
    } catch (const InputError& e) {
        print_error(err, e.what());
        return exit_usage;
    } catch (const nlohmann::json::exception& e) {
        print_error(err, std::string("malformed report line: ") + e.what());
        return exit_usage;
    }

    const lint::SummaryLookup lookup = [&](const std::vector<std::uint64_t>& numbers) {
        std::vector<lint::DeviceSummary> found(numbers.size());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            if (numbers[i] >= device_lines.size())
                continue;
            const auto [report, offset] = device_lines[numbers[i]];
            // The report was read once already; should it have changed since, the finding keeps
            // what it knows.
            try {
                InputLines in(reports_[report], max_report_line_bytes, "report line");
                in.seek(offset);
                std::string text;
                std::uint64_t line_offset = 0;
                if (!in.next(text, line_offset))
                    continue;
                found[i] = file_record_from_lines({parse_json_strict(text, reports_[report])})
                               .devices.front()
                               .summary;
            } catch (const std::exception&) {
                continue;
            }
        }
        return found;
    };
    lint::LintReport report = linter.finish_batch(aggregators, lookup, {});
    for (const auto& [active, aggregator] : aggregators)
        report.rules_run.push_back(active->rule->metadata().id);

    BatchOutcome outcome;
    outcome.command = "batch-merge";
    outcome.header = {
        {"reports", reports_},
        {"report", report_.empty() ? nlohmann::json(nullptr)
                                   : nlohmann::json{{"path", report_}, {"format", "jsonl"}}}};
    outcome.inputs = std::to_string(reports_.size()) + " shard report(s) merged, "
                     + std::to_string(tally.files_seen) + " input file(s) in them";
    outcome.tally = std::move(tally);
    outcome.batch_report = std::move(report);
    outcome.fail_on = settings.fail_on;
    if (common_.output_format() == OutputFormat::json) {
        write_json(out, batch_outcome_json(outcome));
    } else {
        print_batch_outcome_text(outcome, out, TextStyle::for_stdout());
    }
    return outcome.failed() ? exit_findings : exit_ok;
}

}  // namespace dpslint::cli
