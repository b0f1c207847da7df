#pragma once

#include <cstdint>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "dpslint/batch/batch_runner.hpp"
#include "dpslint/input_file.hpp"

#include "batch_report.hpp"
#include "command.hpp"
#include "common_options.hpp"
#include "lint_options.hpp"
#include "validation_options.hpp"

namespace dpslint::cli {

// `dpslint batch`: a factory batch of device certificates, streamed through a thread pool.
class BatchCommand : public Command {
public:
    explicit BatchCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    struct Loaded;
    using RecordSink = std::function<void(const batch::FileRecord&)>;

    Loaded load() const;
    // Checks every taken input on the pool; each record goes to the --report file, then `sink`,
    // in walk order. Throws InputError when the report cannot be written.
    batch::StageTimes stream(const batch::BatchProcessor& processor, const CommandStreams& io,
                             std::ofstream& report_file, const BaselineFingerprints* baseline,
                             const RecordSink& sink) const;
    std::string inputs_text(const Loaded& loaded, std::uint64_t files_seen) const;
    nlohmann::json header(const Loaded& loaded) const;

    CommonOptions common_;
    LintOptions lint_;
    CiOutputOptions ci_;
    ValidationOptions validation_;  // --crl only
    std::string snapshot_;
    std::vector<std::string> trust_;
    std::vector<std::string> untrusted_;
    std::vector<std::string> presented_;
    std::vector<std::string> inputs_;
    unsigned jobs_ = 0;
    unsigned read_ahead_ = batch::default_read_ahead_threads;
    std::string report_;
    std::string report_format_ = "jsonl";
    std::string shard_;
    std::uint64_t max_file_size_ = max_certificate_file_bytes;
    bool quiet_ = false;
    bool timings_ = false;
};

}  // namespace dpslint::cli
