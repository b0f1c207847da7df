#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dpslint/lint/config.hpp"
#include "dpslint/lint/linter.hpp"

namespace dpslint::cli {

// --config / --enable / --disable / --fail-on, shared by `lint` and `batch`.
struct LintOptions {
    std::string config;
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::string fail_on;

    void add(CLI::App& command);

    struct Resolved {
        lint::LintConfig config;
        lint::RuleToggles toggles;
        lint::FailLevel fail_on = lint::FailLevel::error;
    };
    // Reads --config, else ./.dpslint.json when it exists. Throws InputError for a bad config
    // file or a --enable/--disable pattern that matches no rule.
    Resolved resolve(const std::vector<const lint::Rule*>& rules) const;
};

// The CI outputs of one run: --output FORMAT=FILE (repeatable), --source-root, --baseline,
// --write-baseline, for `lint`, `verify`, `simulate`, `batch` and `batch-merge` (ci_output.hpp
// writes them); the formats themselves are in formats/.
struct CiOutputOptions {
    std::vector<std::string> outputs;
    std::string source_root;
    std::string baseline;
    std::string write_baseline;
    // batch and batch-merge: findings of each severity kept in full for the CI formats.
    std::size_t max_results = 25000;

    void add(CLI::App& command);
    void add_max_results(CLI::App& command);
};

}  // namespace dpslint::cli
