#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/diff/config_diff.hpp"
#include "dpslint/diff/impact.hpp"
#include "dpslint/diff/policy.hpp"
#include "dpslint/lint/config.hpp"

#include "common_options.hpp"
#include "formats/outputs.hpp"
#include "formats/report_model.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

struct DiffRunInfo {
    TimePoint at{};
    std::string backend;
    std::string before;  // --before and --after as given
    std::string after;
    std::string config_file;  // empty: defaults
};

// What the report ends with, known once every device has been seen.
struct DiffTotals {
    diff::TransitionCounts transitions;
    std::uint64_t devices = 0;
    std::uint64_t unreadable = 0;
    std::vector<Finding> findings;  // diff.* findings and suppression status, sorted
    std::size_t suppressed = 0;
    diff::LintChanges lint;
    lint::FailLevel fail_on = lint::FailLevel::error;
    // The run's CI model: the JSON gives each finding its fingerprint (and, with --baseline,
    // its baselineState, the fixed list and summary.baseline counts) from it, as every
    // command's JSON does. Null: none.
    const formats::ReportModel* model = nullptr;
};

// The diff report, written as it goes: header and configuration changes first, then one entry
// per device as the devices stream by, then the findings and the summary (README "diff JSON").
class DiffReportWriter {
public:
    DiffReportWriter(std::ostream& out, OutputFormat format, TextStyle style);

    void begin(const DiffRunInfo& info, const diff::ConfigDiff& config);
    void device(const std::string& file, const diff::DeviceImpact& device);
    void rejected(const std::string& file, const std::string& error_id, const std::string& error);
    void end(const DiffTotals& totals);

private:
    std::ostream& out_;
    OutputFormat format_;
    TextStyle style_;
    bool first_device_ = true;
};

// The diff report in every text and json document a run writes: --format on `out` when it is
// text or json, and each --output text|json=FILE, held in memory (text plain) until the run ends.
class DiffWriters {
public:
    DiffWriters(const std::string& format, const std::vector<formats::OutputRequest>& outputs,
                std::ostream& out);

    void begin(const DiffRunInfo& info, const diff::ConfigDiff& config);
    void device(const std::string& file, const diff::DeviceImpact& device);
    void rejected(const std::string& file, const std::string& error_id, const std::string& error);
    void end(const DiffTotals& totals);

    // What was written for the --output files: format -> document (RunDocuments::written).
    std::map<std::string, std::string> written() const;

private:
    std::map<std::string, std::ostringstream> files_;  // a node per format: stable streams
    std::vector<DiffReportWriter> writers_;
};

nlohmann::json config_diff_json(const diff::ConfigDiff& config);

}  // namespace dpslint::cli
