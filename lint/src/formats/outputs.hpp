#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/report_model.hpp"

namespace dpslint::cli::formats {

// The formats written from a ReportModel (the commands' own text and json are not among them).
enum class CiFormat { sarif, junit, github, azure, markdown };
inline constexpr std::array<std::string_view, 5> ci_format_names{"sarif", "junit", "github",
                                                                 "azure", "markdown"};
std::optional<CiFormat> parse_ci_format(std::string_view name) noexcept;

// The document of `format`, exactly as written to stdout or to a file.
std::string render(CiFormat format, const ReportModel& model);

// One --output FORMAT=FILE. Throws InputError("--output", ...) unless it has that shape with a
// format among `formats`.
struct OutputRequest {
    std::string format;
    std::string file;
};
OutputRequest parse_output_request(const std::string& value,
                                   const std::vector<std::string_view>& formats);

// Writes `text` to `file` (replacing it); throws InputError naming the file when it cannot.
void write_output_file(const std::string& file, const std::string& text);

}  // namespace dpslint::cli::formats
