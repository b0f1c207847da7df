#pragma once

#include <iosfwd>
#include <optional>

#include <nlohmann/json.hpp>

#include "dpslint/lint/config.hpp"
#include "dpslint/lint/linter.hpp"

#include "render.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

struct LintRunInfo {
    std::string command;  // "lint"
    TimePoint at{};
    std::string backend;
    std::string config_file;  // empty: defaults
    lint::FailLevel fail_on = lint::FailLevel::error;
    nlohmann::json extra = nlohmann::json::object();  // command-specific top-level keys
    std::string inputs;  // "3 device file(s) checked; ...": printed before the summary line
    // With --baseline: whether the run fails (baselined findings never fail it) and a line
    // "N unchanged, M new, K fixed" printed before the summary line.
    std::optional<bool> failed;
    std::string baseline;
};

// What `lint` found, for its reporter.
struct LintResult {
    lint::LintReport report;
    LintRunInfo info;
};

nlohmann::json lint_result_json(const LintResult& result);

// Findings grouped by what they are about (enrollment, CA record, device, file), then a summary
// line with counts.
void print_lint_result_text(const LintResult& result, std::ostream& out, const TextStyle& style);

inline constexpr Reporter<LintResult> lint_reporter{lint_result_json, print_lint_result_text};

}  // namespace dpslint::cli
