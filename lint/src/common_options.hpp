#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace dpslint::cli
