#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/finding.hpp"
#include "dpslint/finding_positions.hpp"

#include "device_files.hpp"
#include "formats/baseline.hpp"
#include "formats/outputs.hpp"
#include "formats/report_model.hpp"
#include "lint_options.hpp"
#include "render.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

// Every format a command with CI outputs writes, for --format and --output: its own text and
// json and the CI formats of formats/outputs.hpp.
const std::vector<std::string_view>& all_output_formats();

// What CiOutputOptions asks for, read and checked before any input is loaded so that a bad
// --output or --baseline is reported before the run does any work.
struct CiRequests {
    std::vector<formats::OutputRequest> outputs;
    std::optional<std::vector<formats::BaselineEntry>> baseline;
    std::string source_root;  // absolute, normalised
    std::string cwd;          // absolute
};
CiRequests read_ci_requests(const CiOutputOptions& options);

// Each certificate of each device file: its SHA-256 (upper hex) and PEM BEGIN line (0 for DER).
using PemLines = std::map<std::string, PemBlocks>;
void add_pem_lines(PemLines& lines, const DeviceFile& file);

// The PEM BEGIN line of the certificate a finding in a device file names (by its index in the
// file, else by its SHA-256), where the finding has no line yet.
void add_pem_line(Location& location, const PemLines& lines);

// Applies the baseline (when given) and settles the verdict. `exit_without_baseline` is the
// command's own exit status (verify and simulate decide it from their results, not only from
// findings); with a baseline the run fails only on findings that are new. An unreadable input
// (`bad_input`) is exit 2 either way.
void finish_ci_model(formats::ReportModel& model, const CiRequests& requests, bool bad_input,
                     std::optional<int> exit_without_baseline);

// A command's own documents (text and json from its reporter) next to its ReportModel.
struct RunDocuments {
    std::function<void(std::ostream& out, const TextStyle& style)> text;
    std::function<nlohmann::json()> json;
    const formats::ReportModel* model = nullptr;
    // A command that streams its own text and json as it goes (diff) hands over those it wrote
    // for --output files, format -> document as written; they are used as they are.
    std::map<std::string, std::string> written;
};

// The documents of a command whose text and json come from its reporter (render.hpp).
template <typename Model>
RunDocuments run_documents(const Reporter<Model>& reporter, const Model& result,
                           const formats::ReportModel& model) {
    return {[&reporter, &result](std::ostream& out, const TextStyle& style) {
                reporter.text(result, out, style);
            },
            [&reporter, &result] { return reporter.json(result); },
            &model,
            {}};
}

// --write-baseline and every --output FORMAT=FILE (text plain in files).
void write_output_files(const CiOutputOptions& options, const CiRequests& requests,
                        const RunDocuments& documents);

// The one place a run with CI outputs writes: write_output_files, then `format` on `out` (text
// styled for the terminal there).
void write_run_outputs(const std::string& format, const CiOutputOptions& options,
                       const CiRequests& requests, const RunDocuments& documents,
                       std::ostream& out);

}  // namespace dpslint::cli
