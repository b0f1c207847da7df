#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/time.hpp"

namespace dpslint::cli {

enum class OutputFormat { text, json };

// Every --format value. The fuzz targets (tests/fuzz/) render through each one listed here.
inline constexpr std::array<std::string_view, 2> output_formats{"text", "json"};

// Options several commands share, registered the same way everywhere.
struct CommonOptions {
    std::string at;  // RFC 3339; empty means now
    std::string backend = "openssl";
    std::string format = "text";

    void add_at(CLI::App& command);
    void add_backend(CLI::App& command);
    // `ci`: the CI formats of formats/outputs.hpp (sarif, junit, github, azure, markdown) too.
    void add_format(CLI::App& command, bool ci = false);

    // The evaluation time: --at, else the current time (the only clock read in dpslint).
    TimePoint evaluation_time() const;
    std::unique_ptr<CryptoBackend> make_crypto_backend() const;
    OutputFormat output_format() const;
};

// --snapshot PATH, the exported DPS snapshot (a directory or one JSON file).
CLI::Option* add_snapshot_option(CLI::App& command, std::string& snapshot,
                                 const std::string& description =
                                     "Exported DPS snapshot "
                                     "(directory or JSON file)");
// --presented FILE, repeatable: the certificates every device presents besides its own.
CLI::Option* add_presented_option(CLI::App& command, std::vector<std::string>& presented);
// --jobs N: worker threads, 0 (the default) meaning one per core.
CLI::Option* add_jobs_option(CLI::App& command, unsigned& jobs);
// The worker threads --jobs asks for: `jobs`, or one per core (at least one) when 0.
unsigned worker_count(unsigned jobs);

}  // namespace dpslint::cli
