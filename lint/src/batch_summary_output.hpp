#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/batch/batch_processor.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/lint/linter.hpp"

#include "batch_report.hpp"
#include "render.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

// What `batch` and `batch-merge` print at the end.
struct BatchOutcome {
    std::string command;
    nlohmann::json header = nlohmann::json::object();  // at, backend, mode, shard, report ...
    BatchTally tally;
    lint::LintReport batch_report;  // batch.* findings (and config status), rules run
    lint::FailLevel fail_on = lint::FailLevel::error;
    std::optional<batch::StageTimes> timings;
    // What was taken as what: inputs checked and trust loaded, printed before the summary line.
    std::string inputs;
    // With --baseline: whether the findings that are new fail the run, and what the baseline
    // did (formats::baseline_summary).
    std::optional<bool> baseline_failed;
    std::string baseline;

    bool failed() const;
};

nlohmann::json batch_outcome_json(const BatchOutcome& outcome);
void print_batch_outcome_text(const BatchOutcome& outcome, std::ostream& out,
                              const TextStyle& style);

inline constexpr Reporter<BatchOutcome> batch_reporter{batch_outcome_json,
                                                       print_batch_outcome_text};

}  // namespace dpslint::cli
