#include "batch_command.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <istream>
#include <ostream>

#include "dpslint/batch/batch_runner.hpp"
#include "dpslint/batch/batch_session.hpp"
#include "dpslint/error.hpp"

#include "batch_ci_model.hpp"
#include "batch_refind.hpp"
#include "batch_report.hpp"
#include "batch_summary_output.hpp"
#include "certificate_inputs.hpp"
#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "formats/baseline.hpp"
#include "input_summary.hpp"
#include "policies.hpp"
#include "progress.hpp"
#include "render.hpp"

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

std::uint64_t count_inputs(const std::vector<std::string>& inputs, const batch::Shard& shard) {
    std::uint64_t total = 0;
    batch::InputWalker counter(inputs);
    batch::InputItem item;
    while (counter.next(item))
        total += shard.takes(item.sequence);
    return total;
}

}  // namespace

BatchCommand::BatchCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "batch", "Validate a factory batch of device certificates (thousands to millions)");
    auto* snapshot = add_snapshot_option(*command_, snapshot_,
                                         "DPS snapshot: decide as DPS would for every device");
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
    add_presented_option(*command_, presented_);
    common_.add_at(*command_);
    validation_.add_crl(*command_);
    common_.add_backend(*command_);
    common_.add_format(*command_, true);
    lint_.add(*command_);
    ci_.add(*command_);
    ci_.add_max_results(*command_);
    add_jobs_option(*command_, jobs_);
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

struct BatchCommand::Loaded {
    std::unique_ptr<CryptoBackend> backend;
    AttestationOptions attestation;
    LintOptions::Resolved settings;
    Snapshot snapshot;
    CertificatePool pool;  // --trust and --untrusted
    batch::BatchSettings batch_settings;
    std::vector<Finding> input_findings;
    std::unique_ptr<RevocationInputs> revocation;
};

BatchCommand::Loaded BatchCommand::load() const {
    Loaded l;
    l.backend = common_.make_crypto_backend();
    l.attestation = attestation_options(common_.evaluation_time());
    l.settings = lint_.resolve(rules::registry());
    l.batch_settings.max_file_bytes = max_file_size_;
    if (!snapshot_.empty()) {
        l.snapshot = load_snapshot(snapshot_, *l.backend);
        l.input_findings = l.snapshot.load_findings;
    } else {
        load_into_pool(trust_, true, *l.backend, l.pool, l.input_findings);
        load_into_pool(untrusted_, false, *l.backend, l.pool, l.input_findings);
    }
    l.batch_settings.presented = read_certificates(presented_, *l.backend, l.input_findings);
    // With --trust the CRL issuers' own paths end at the same anchors as the devices'.
    l.revocation = validation_.revocation_inputs(
        *l.backend,
        snapshot_.empty() ? l.pool : crl_issuers(l.snapshot, l.batch_settings.presented));
    return l;
}

int BatchCommand::run(const CommandStreams& io) const {
    if (snapshot_.empty() && trust_.empty()) {
        print_error(io.err, "batch needs --snapshot PATH or --trust FILE");
        return exit_usage;
    }
    const CiRequests requests = read_ci_requests(ci_);
    const Loaded loaded = load();
    const auto& backend = *loaded.backend;
    std::ofstream report_file;
    if (!report_.empty()) {
        report_file.open(report_, std::ios::binary | std::ios::trunc);
        if (!report_file)
            throw InputError(report_, "", "cannot write the report");
    }

    lint::LintContext context(loaded.attestation, backend,
                              snapshot_.empty() ? nullptr : &loaded.snapshot);
    context.expect_streamed_devices();
    const RevocationChecker* revocation =
        loaded.revocation ? &*loaded.revocation->checker : nullptr;
    context.check_revocation_with(revocation);
    const lint::Linter linter(rules::registry(), loaded.settings.config, loaded.settings.toggles,
                              loaded.attestation.at);
    std::optional<Verifier> verifier;
    if (!trust_.empty()) {
        verifier.emplace(backend, loaded.pool,
                         streamed_trust_policy(loaded.attestation, revocation), ChainBuildOptions{},
                         &context.signature_cache());
    }
    const batch::BatchProcessor processor(backend, context, linter, verifier ? &*verifier : nullptr,
                                          loaded.batch_settings);

    batch::BatchSession session(linter, &context);
    BatchRefinder refinder(inputs_, processor);
    BatchOutcome outcome;
    BatchCiCollector collector(BatchCiCollector::wanted_by(common_.format, ci_), ci_.max_results,
                               requests.baseline || !ci_.write_baseline.empty(),
                               loaded.settings.fail_on);
    // Known before the run, so each report line can say whether its findings are new.
    std::optional<BaselineFingerprints> baseline;
    if (requests.baseline)
        baseline = formats::baseline_fingerprints(*requests.baseline);
    const auto sink = [&](const batch::FileRecord& record) {
        outcome.tally.add(record);
        collector.add(record);
        refinder.remember(record);
        session.observe(record);
    };
    const batch::StageTimes times =
        stream(processor, io, report_file, baseline ? &*baseline : nullptr, sink);
    outcome.batch_report = session.finish(std::cref(refinder), loaded.input_findings);
    outcome.command = "batch";
    outcome.header = header(loaded);
    outcome.inputs = inputs_text(loaded, outcome.tally.files_seen);
    outcome.fail_on = loaded.settings.fail_on;
    if (timings_)
        outcome.timings = times;
    return write_batch_outputs(outcome, collector, common_.format, ci_, requests, io.out);
}

batch::StageTimes BatchCommand::stream(const batch::BatchProcessor& processor,
                                       const CommandStreams& io, std::ofstream& report_file,
                                       const BaselineFingerprints* baseline,
                                       const RecordSink& sink) const {
    const batch::Shard shard = shard_.empty() ? batch::Shard{} : *parse_shard(shard_);
    const bool reads_stdin = std::find(inputs_.begin(), inputs_.end(), "-") != inputs_.end();
    const bool show_progress = !quiet_ && stderr_is_terminal() && !reads_stdin;
    ProgressBar progress(io.err, show_progress, show_progress ? count_inputs(inputs_, shard) : 0);
    std::optional<ReportWriter> writer;
    if (report_file.is_open())
        writer.emplace(report_file,
                       report_format_ == "csv" ? ReportFormat::csv : ReportFormat::jsonl, baseline);

    std::uint64_t done = 0;
    batch::InputWalker walker(inputs_, &io.in);
    const batch::BatchRunner runner(processor, worker_count(jobs_), shard, read_ahead_);
    const batch::StageTimes times = runner.run(walker, [&](batch::FileRecord&& record) {
        if (writer)
            writer->write(record);
        sink(record);
        progress.update(++done);
    });
    progress.finish();
    if (report_file.is_open()) {
        report_file.flush();
        if (!report_file)
            throw InputError(report_, "", "write failed");
    }
    return times;
}

nlohmann::json BatchCommand::header(const Loaded& loaded) const {
    nlohmann::json header = {
        {"at", format_rfc3339(loaded.attestation.at)},
        {"backend", std::string(loaded.backend->name())},
        {"mode", snapshot_.empty() ? "trust" : "snapshot"},
        {"shard", shard_.empty() ? nlohmann::json(nullptr) : nlohmann::json(shard_)},
        {"config", loaded.settings.config.file.empty()
                       ? nlohmann::json(nullptr)
                       : nlohmann::json(loaded.settings.config.file)},
        {"report", report_.empty()
                       ? nlohmann::json(nullptr)
                       : nlohmann::json{{"path", report_}, {"format", report_format_}}}};
    if (snapshot_.empty()) {
        const std::size_t anchors = loaded.pool.trust_anchors().size();
        header["trust"] = {{"trustFiles", trust_.size()},
                           {"trustAnchors", anchors},
                           {"untrustedFiles", untrusted_.size()},
                           {"untrustedCertificates", loaded.pool.size() - anchors}};
    } else {
        header["trust"] = trust_json(loaded.snapshot);
    }
    if (loaded.revocation) {
        header["revocation"] = {{"crlFiles", validation_.crl_files.size()},
                                {"crls", loaded.revocation->crls.all().size()}};
    }
    return header;
}

// Says what was taken as what, so a wrong split of the arguments shows.
std::string BatchCommand::inputs_text(const Loaded& loaded, std::uint64_t files_seen) const {
    std::string text = std::to_string(files_seen) + " input file(s) from "
                       + std::to_string(inputs_.size()) + " INPUT argument(s) checked; "
                       + std::to_string(loaded.batch_settings.presented.size())
                       + " certificate(s) from " + std::to_string(presented_.size())
                       + " --presented file(s) added to every chain; trust: ";
    if (snapshot_.empty()) {
        const std::size_t anchors = loaded.pool.trust_anchors().size();
        text += std::to_string(anchors) + " trust anchor(s) from " + std::to_string(trust_.size())
                + " --trust file(s), " + std::to_string(loaded.pool.size() - anchors)
                + " untrusted certificate(s) from " + std::to_string(untrusted_.size())
                + " --untrusted file(s)";
    } else {
        text += trust_text(loaded.snapshot);
    }
    if (loaded.revocation) {
        text += "; revocation: " + std::to_string(loaded.revocation->crls.all().size())
                + " CRL(s) from " + std::to_string(validation_.crl_files.size()) + " --crl file(s)";
    }
    return text;
}

}  // namespace dpslint::cli
