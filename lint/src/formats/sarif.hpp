#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "formats/report_model.hpp"

namespace dpslint::cli::formats {

// GitHub code scanning accepts at most this many results per run.
inline constexpr std::size_t sarif_max_results = 25000;

// A SARIF 2.1.0 log of one run, as GitHub code scanning reads it: tool.driver with every rule
// that can be reported; each result with ruleId/ruleIndex, level, message, one physical location
// relative to the source root (SRCROOT), logical locations (enrollment, CA record, registration
// ID), partialFingerprints (primaryLocationLineHash is the one GitHub reads) and, with a
// baseline, baselineState. Past `max_results` the most severe results are kept and a
// notification says how many were left out. Write it with json_text (json_output.hpp).
nlohmann::json sarif_log(const ReportModel& model, std::size_t max_results = sarif_max_results);

}  // namespace dpslint::cli::formats
