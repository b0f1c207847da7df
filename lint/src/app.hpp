#pragma once

#include <array>
#include <iosfwd>

#include <CLI/CLI.hpp>

#include "batch_command.hpp"
#include "batch_merge_command.hpp"
#include "diff_command.hpp"
#include "forecast_command.hpp"
#include "lint_command.hpp"
#include "rules_command.hpp"
#include "simulate_command.hpp"
#include "verify_command.hpp"

namespace dpslint::cli {

// Every dpslint command, registered on `app`. The commands bind their option variables by
// address, so this is built in place and never copied or moved.
struct Commands {
    explicit Commands(CLI::App& app);
    Commands(const Commands&) = delete;
    Commands& operator=(const Commands&) = delete;

    VerifyCommand verify;
    SimulateCommand simulate;
    LintCommand lint;
    RulesCommand rules;
    ExplainCommand explain;
    BatchCommand batch;
    BatchMergeCommand batch_merge;
    DiffCommand diff;
    ForecastCommand forecast;

    std::array<const Command*, 9> all() const;
};

// The dpslint command line before its commands are added: name, description, --version, one
// command required, the exit statuses in --help. `run` parses with it; lint/docgen walks the
// same App (plus Commands) to generate the man page and the shell completions.
void configure_app(CLI::App& app);

// Parses the command line and runs one dpslint command. Returns the process exit status; never
// throws.
int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace dpslint::cli
