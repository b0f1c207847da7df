#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/report_model.hpp"

namespace dpslint::cli::formats {

struct BaselineEntry {
    std::string fingerprint;
    std::string rule;
    std::string entity;
    std::string severity;
    std::string message;
};

// --write-baseline: every finding of the run by fingerprint, with rule, entity, severity and
// message for a human reader; sorted by fingerprint, so the same findings give the same file.
nlohmann::json baseline_json(const ReportModel& model);

// --baseline: reads a file written by baseline_json. Throws InputError naming the file and the
// JSON pointer of what is wrong.
std::vector<BaselineEntry> read_baseline(const std::string& path);

// The fingerprints a baseline holds.
std::set<std::string> baseline_fingerprints(const std::vector<BaselineEntry>& baseline);

// Marks each finding unchanged (in the baseline: counted, never failing) or new, and lists the
// baseline's findings that no longer occur in model.fixed (baselineState absent).
void apply_baseline(ReportModel& model, const std::vector<BaselineEntry>& baseline);

}  // namespace dpslint::cli::formats
