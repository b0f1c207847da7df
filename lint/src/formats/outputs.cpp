#include "formats/outputs.hpp"

#include <algorithm>
#include <fstream>

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"

#include "formats/annotations.hpp"
#include "formats/junit.hpp"
#include "formats/markdown.hpp"
#include "formats/sarif.hpp"
#include "json_output.hpp"

namespace dpslint::cli::formats {

std::optional<CiFormat> parse_ci_format(std::string_view name) noexcept {
    for (std::size_t i = 0; i < ci_format_names.size(); ++i) {
        if (ci_format_names[i] == name)
            return static_cast<CiFormat>(i);
    }
    return std::nullopt;
}

std::string render(CiFormat format, const ReportModel& model) {
    switch (format) {
        case CiFormat::sarif:
            return json_text(sarif_log(model), 2) + "\n";
        case CiFormat::junit:
            return junit_xml(model);
        case CiFormat::github:
            return github_commands(model);
        case CiFormat::azure:
            return azure_commands(model);
        case CiFormat::markdown:
            return markdown_summary(model);
    }
    return {};
}

OutputRequest parse_output_request(const std::string& value,
                                   const std::vector<std::string_view>& formats) {
    const auto formats_begin = formats.begin();
    const auto formats_end = formats.end();
    const auto eq = value.find('=');
    std::string known;
    for (auto it = formats_begin; it != formats_end; ++it)
        known += (known.empty() ? "" : ", ") + std::string(*it);
    if (eq == std::string::npos || eq == 0 || eq + 1 == value.size())
        throw InputError(
            "--output", "",
            quote_input(value) + ": expected FORMAT=FILE (FORMAT one of " + known + ")");
    OutputRequest request{value.substr(0, eq), value.substr(eq + 1)};
    if (std::find(formats_begin, formats_end, request.format) == formats_end)
        throw InputError("--output", "",
                         quote_input(request.format) + " is not a format (one of " + known + ")");
    return request;
}

void write_output_file(const std::string& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (out)
        out << text;
    out.close();
    if (!out)
        throw InputError(file, "", "cannot write output file");
}

}  // namespace dpslint::cli::formats
