#include "batch_command.hpp"

#include <algorithm>
#include <fstream>
#include <istream>
#include <ostream>
#include <set>
#include <thread>

#include "dpslint/batch/batch_runner.hpp"
#include "dpslint/error.hpp"

#include "batch_report.hpp"
#include "batch_summary_output.hpp"
#include "certificate_inputs.hpp"
#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "input_summary.hpp"
#include "json_output.hpp"
#include "progress.hpp"

namespace dpslint::cli {

namespace {

std::optional<batch::Shard> parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        return std::nullopt;
    try {
        std::size_t used = 0;
        const auto k = std::stoull(text.substr(0, slash), &used);
        if (used != slash)
            return std::nullopt;
        const auto n = std::stoull(text.substr(slash + 1), &used);
        if (used != text.size() - slash - 1 || k == 0 || n == 0 || k > n)
            return std::nullopt;
        return batch::Shard{k, n};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Device numbers are dense (0, 1, 2 ... in input order); a device is found again from its file's
// walk position and its index in the file.
constexpr std::uint64_t index_bits = 16;
std::uint64_t pack(std::uint64_t file_sequence, std::size_t index) {
    return (file_sequence << index_bits) | std::min<std::uint64_t>(index, (1u << index_bits) - 1);
}

}  // namespace

BatchCommand::BatchCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "batch", "Validate a factory batch of device certificates (thousands to millions)");
    auto* snapshot = command_
                         ->add_option("--snapshot", snapshot_,
                                      "DPS snapshot: decide as DPS would for every device")
                         ->type_name("PATH");
    auto* trust =
        command_
            ->add_option("--trust", trust_,
                         "Trust anchor file: RFC 5280 path validation instead of a snapshot; one "
                         "file per --trust, repeatable")
            ->type_name("FILE");
    snapshot->excludes(trust);
    command_
        ->add_option("--untrusted", untrusted_,
                     "Intermediate CA file (with --trust); one file per --untrusted, repeatable")
        ->type_name("FILE")
        ->needs(trust);
    command_
        ->add_option("--presented", presented_,
                     "Certificates every device presents; one file per --presented, repeatable")
        ->type_name("FILE");
    common_.add_at(*command_);
    validation_.add_crl(*command_);
    common_.add_backend(*command_);
    common_.add_format(*command_);
    lint_.add(*command_);
    command_->add_option("--jobs", jobs_, "Worker threads (default: number of cores)")
        ->check(CLI::Range(1u, 1024u));
    command_
        ->add_option("--read-ahead", read_ahead_,
                     "Threads that start reading upcoming files (0: none)")
        ->check(CLI::Range(0u, 256u))
        ->capture_default_str();
    command_->add_option("--report", report_, "Per-device report file, written as it goes")
        ->type_name("FILE");
    command_->add_option("--report-format", report_format_, "Report format")
        ->check(
            CLI::IsMember(std::vector<std::string>(report_formats.begin(), report_formats.end())))
        ->capture_default_str();
    command_->add_option("--shard", shard_, "Check only slice K of N of the inputs (K/N)")
        ->type_name("K/N")
        ->check([](const std::string& v) {
            return parse_shard(v) ? std::string{}
                                  : "expected K/N with 1 <= K <= N, got '" + v + "'";
        });
    command_->add_option("--max-file-size", max_file_size_, "Larger input files are rejected")
        ->check(CLI::Range(std::uint64_t{1}, max_batch_file_bytes))
        ->capture_default_str();
    command_->add_flag("--quiet", quiet_, "No progress bar");
    command_->add_flag("--timings", timings_,
                       "Report time per stage (output is then not reproducible)");
    command_
        ->add_option("inputs", inputs_,
                     "Files and directories (recursed); '-' reads paths from standard input. "
                     "Every argument that is not an option or an option's one value is an INPUT")
        ->required()
        ->type_name("INPUT");
}

int BatchCommand::run(std::istream& in, std::ostream& out, std::ostream& err) const {
    if (snapshot_.empty() && trust_.empty()) {
        print_error(err, "batch needs --snapshot PATH or --trust FILE");
        return exit_usage;
    }
    const auto& rules = rules::registry();
    const auto backend = common_.make_crypto_backend();
    const TimePoint at = common_.evaluation_time();
    const batch::Shard shard = shard_.empty() ? batch::Shard{} : *parse_shard(shard_);

    LintOptions::Resolved settings;
    Snapshot snapshot;
    CertificatePool pool;
    batch::BatchSettings batch_settings;
    batch_settings.max_file_bytes = max_file_size_;
    std::vector<Finding> input_findings;
    std::unique_ptr<RevocationInputs> revocation;
    try {
        settings = lint_.resolve(rules);
        if (!snapshot_.empty()) {
            snapshot = load_snapshot(snapshot_, *backend);
            input_findings = snapshot.load_findings;
        } else {
            load_into_pool(trust_, true, *backend, pool, input_findings);
            load_into_pool(untrusted_, false, *backend, pool, input_findings);
        }
        batch_settings.presented = read_certificates(presented_, *backend, input_findings);
        // With --trust the CRL issuers' own paths end at the same anchors as the devices'.
        revocation = validation_.revocation_inputs(
            *backend, snapshot_.empty() ? pool : crl_issuers(snapshot, batch_settings.presented));
    } catch (const InputError& e) {
        print_error(err, e.what());
        return exit_usage;
    }

    std::ofstream report_file;
    if (!report_.empty()) {
        report_file.open(report_, std::ios::binary | std::ios::trunc);
        if (!report_file) {
            print_error(err, report_ + ": cannot write the report");
            return exit_usage;
        }
    }

    lint::LintContext context(at, *backend, snapshot_.empty() ? nullptr : &snapshot);
    context.expect_streamed_devices();
    if (revocation)
        context.check_revocation_with(&*revocation->checker);
    const lint::Linter linter(rules, settings.config, settings.toggles, at);
    std::optional<Verifier> verifier;
    if (!trust_.empty()) {
        ValidationPolicy policy;
        policy.at = at;
        // As in `simulate`: the verdict models what works; EKU and algorithm hygiene are the
        // device.* rules' job, so they are not reported twice.
        policy.purpose = Purpose::any;
        policy.algorithms = AttestationOptions::lenient_algorithms();
        if (revocation)
            policy.revocation = &*revocation->checker;
        verifier.emplace(*backend, pool, policy, ChainBuildOptions{}, &context.signature_cache());
    }
    const batch::BatchProcessor processor(*backend, context, linter,
                                          verifier ? &*verifier : nullptr, batch_settings);
    auto aggregators = linter.start_batch(context);

    // Paths read from standard input cannot be walked twice; keep them for late lookups.
    const bool reads_stdin = std::find(inputs_.begin(), inputs_.end(), "-") != inputs_.end();
    std::vector<std::pair<std::uint64_t, std::string>> stdin_paths;

    const bool show_progress = !quiet_ && stderr_is_terminal();
    std::uint64_t total = 0;
    if (show_progress && !reads_stdin) {
        batch::InputWalker counter(inputs_);
        batch::InputItem item;
        while (counter.next(item))
            total += shard.takes(item.sequence);
    }
    ProgressBar progress(err, show_progress && !reads_stdin, total);

    std::optional<ReportWriter> writer;
    if (report_file.is_open()) {
        writer.emplace(report_file,
                       report_format_ == "csv" ? ReportFormat::csv : ReportFormat::jsonl);
    }
    BatchTally tally;
    std::vector<std::uint64_t> device_index;
    std::uint64_t done = 0;

    batch::InputWalker walker(inputs_, &in);
    const batch::BatchRunner runner(
        processor, jobs_ == 0 ? std::max(1u, std::thread::hardware_concurrency()) : jobs_, shard,
        read_ahead_);
    const batch::StageTimes times = runner.run(walker, [&](batch::FileRecord&& record) {
        tally.add(record);
        if (writer)
            writer->write(record);
        if (reads_stdin)
            stdin_paths.emplace_back(record.sequence, record.path);
        if (!record.private_key_lines.empty()) {
            for (auto& [active, aggregator] : aggregators) {
                aggregator->observe_private_keys(record.sequence, record.path,
                                                 record.private_key_lines);
            }
        }
        for (const auto& device : record.devices) {
            const std::uint64_t number = device_index.size();
            device_index.push_back(pack(record.sequence, device.summary.certificate_index));
            for (auto& [active, aggregator] : aggregators)
                aggregator->observe(number, device.summary);
        }
        progress.update(++done);
    });
    progress.finish();
    if (report_file.is_open()) {
        report_file.flush();
        if (!report_file) {
            print_error(err, report_ + ": write failed");
            return exit_usage;
        }
    }

    // Late lookups for batch findings: walk the inputs again to the few files that matter.
    const lint::SummaryLookup lookup = [&](const std::vector<std::uint64_t>& numbers) {
        std::map<std::uint64_t, std::vector<std::size_t>> wanted;  // file sequence -> positions
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            if (numbers[i] < device_index.size())
                wanted[device_index[numbers[i]] >> index_bits].push_back(i);
        }
        std::vector<lint::DeviceSummary> found(numbers.size());
        const auto resolve = [&](std::uint64_t sequence, const std::string& path) {
            const auto it = wanted.find(sequence);
            if (it == wanted.end())
                return;
            for (const auto position : it->second) {
                const auto index = device_index[numbers[position]] & ((1u << index_bits) - 1);
                if (auto s = processor.summary_of(path, index))
                    found[position] = *s;
            }
        };
        if (reads_stdin) {
            for (const auto& [sequence, path] : stdin_paths)
                resolve(sequence, path);
            return found;
        }
        batch::InputWalker again(inputs_);
        batch::InputItem item;
        while (!wanted.empty() && again.next(item)) {
            resolve(item.sequence, item.path);
        }
        return found;
    };

    lint::LintReport batch_report =
        linter.finish_batch(aggregators, lookup, std::move(input_findings));
    for (const auto& a : linter.active_rules()) {
        if (a.rule->scope() == lint::Scope::snapshot)
            continue;
        (a.rule->applies(context) ? batch_report.rules_run : batch_report.rules_not_applicable)
            .push_back(a.rule->metadata().id);
    }

    BatchOutcome outcome;
    outcome.command = "batch";
    outcome.header = {
        {"at", format_rfc3339(at)},
        {"backend", std::string(backend->name())},
        {"mode", snapshot_.empty() ? "trust" : "snapshot"},
        {"shard", shard_.empty() ? nlohmann::json(nullptr) : nlohmann::json(shard_)},
        {"config", settings.config.file.empty() ? nlohmann::json(nullptr)
                                                : nlohmann::json(settings.config.file)},
        {"report", report_.empty()
                       ? nlohmann::json(nullptr)
                       : nlohmann::json{{"path", report_}, {"format", report_format_}}}};
    const std::string checked = std::to_string(tally.files_seen) + " input file(s) from "
                                + std::to_string(inputs_.size()) + " INPUT argument(s) checked; "
                                + std::to_string(batch_settings.presented.size())
                                + " certificate(s) from " + std::to_string(presented_.size())
                                + " --presented file(s) added to every chain; trust: ";
    if (snapshot_.empty()) {
        const std::size_t anchors = pool.trust_anchors().size();
        outcome.header["trust"] = {{"trustFiles", trust_.size()},
                                   {"trustAnchors", anchors},
                                   {"untrustedFiles", untrusted_.size()},
                                   {"untrustedCertificates", pool.size() - anchors}};
        outcome.inputs = checked + std::to_string(anchors) + " trust anchor(s) from "
                         + std::to_string(trust_.size()) + " --trust file(s), "
                         + std::to_string(pool.size() - anchors) + " untrusted certificate(s) from "
                         + std::to_string(untrusted_.size()) + " --untrusted file(s)";
    } else {
        outcome.header["trust"] = trust_json(snapshot);
        outcome.inputs = checked + trust_text(snapshot);
    }
    if (revocation) {
        outcome.header["revocation"] = {{"crlFiles", validation_.crl_files.size()},
                                        {"crls", revocation->crls.all().size()}};
        outcome.inputs += "; revocation: " + std::to_string(revocation->crls.all().size())
                          + " CRL(s) from " + std::to_string(validation_.crl_files.size())
                          + " --crl file(s)";
    }
    outcome.tally = std::move(tally);
    outcome.batch_report = std::move(batch_report);
    outcome.fail_on = settings.fail_on;
    if (timings_)
        outcome.timings = times;
    if (common_.output_format() == OutputFormat::json) {
        write_json(out, batch_outcome_json(outcome));
    } else {
        print_batch_outcome_text(outcome, out, TextStyle::for_stdout());
    }
    return outcome.failed() ? exit_findings : exit_ok;
}

}  // namespace dpslint::cli
