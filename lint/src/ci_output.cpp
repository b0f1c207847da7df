#include "ci_output.hpp"

#include <filesystem>
#include <ostream>
#include <sstream>

#include "exit_codes.hpp"
#include "json_output.hpp"
#include "lint_ci_model.hpp"
#include "report_fingerprints.hpp"

namespace dpslint::cli {

namespace {

std::vector<std::string_view> all_output_formats_list() {
    std::vector<std::string_view> out(output_formats.begin(), output_formats.end());
    out.insert(out.end(), formats::ci_format_names.begin(), formats::ci_format_names.end());
    return out;
}

std::string render_document(const std::string& format, const RunDocuments& documents,
                            bool to_terminal) {
    if (const auto ci = formats::parse_ci_format(format))
        return formats::render(*ci, *documents.model);
    if (const auto it = documents.written.find(format); it != documents.written.end())
        return it->second;
    if (format == "json")
        return json_text(with_fingerprints(documents.json(), *documents.model), 2) + "\n";
    std::ostringstream text;
    documents.text(text, to_terminal ? TextStyle::for_stdout() : TextStyle::plain());
    return text.str();
}

}  // namespace

const std::vector<std::string_view>& all_output_formats() {
    static const std::vector<std::string_view> formats = all_output_formats_list();
    return formats;
}

CiRequests read_ci_requests(const CiOutputOptions& options) {
    CiRequests r;
    for (const auto& value : options.outputs)
        r.outputs.push_back(formats::parse_output_request(value, all_output_formats()));
    if (!options.baseline.empty())
        r.baseline = formats::read_baseline(options.baseline);
    r.cwd = std::filesystem::current_path().string();
    r.source_root =
        std::filesystem::absolute(options.source_root.empty() ? "." : options.source_root)
            .lexically_normal()
            .string();
    return r;
}

void add_pem_lines(PemLines& lines, const DeviceFile& file) {
    auto& blocks = lines[file.path];
    blocks.clear();
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
        const CertificatePtr& certificate =
            i == 0
                ? file.device.leaf
                : (i - 1 < file.device.presented.size() ? file.device.presented[i - 1] : nullptr);
        blocks.emplace_back(certificate ? certificate->sha256() : std::string(), file.lines[i]);
    }
}

void add_pem_line(Location& l, const PemLines& lines) {
    if (const auto it = lines.find(l.file); it != lines.end())
        dpslint::add_pem_line(l, it->second);
}

void finish_ci_model(formats::ReportModel& model, const CiRequests& requests, bool bad_input,
                     std::optional<int> exit_without_baseline) {
    if (requests.baseline)
        formats::apply_baseline(model, *requests.baseline);
    settle_verdict(model, bad_input);
    if (bad_input || requests.baseline || !exit_without_baseline)
        return;
    model.exit_status = *exit_without_baseline;
    model.verdict = model.exit_status == exit_ok ? "pass" : "fail";
}

void write_output_files(const CiOutputOptions& options, const CiRequests& requests,
                        const RunDocuments& documents) {
    if (!options.write_baseline.empty())
        formats::write_output_file(options.write_baseline,
                                   json_text(formats::baseline_json(*documents.model), 2) + "\n");
    for (const auto& request : requests.outputs)
        formats::write_output_file(request.file, render_document(request.format, documents, false));
}

void write_run_outputs(const std::string& format, const CiOutputOptions& options,
                       const CiRequests& requests, const RunDocuments& documents,
                       std::ostream& out) {
    write_output_files(options, requests, documents);
    out << render_document(format, documents, true);
}

}  // namespace dpslint::cli
