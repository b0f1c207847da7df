#pragma once

#include <iosfwd>
#include <optional>

#include <nlohmann/json.hpp>

#include "dpslint/lint/config.hpp"
#include "dpslint/lint/linter.hpp"

#include "text_style.hpp"

namespace dpslint::cli {

struct LintRunInfo {
    std::string command;  // "lint" | "batch-merge" ...
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

nlohmann::json lint_report_json(const lint::LintReport& report, const LintRunInfo& info);

// Findings grouped by what they are about (enrollment, CA record, device, file), then a summary
// line with counts.
void print_lint_report_text(const lint::LintReport& report, const LintRunInfo& info,
                            std::ostream& out, const TextStyle& style);

}  // namespace dpslint::cli
