#include "formats/report_model.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace dpslint::cli::formats {

std::string_view to_string(BaselineState state) noexcept {
    switch (state) {
        case BaselineState::new_finding:
            return "new";
        case BaselineState::unchanged:
            return "unchanged";
        case BaselineState::absent:
            return "absent";
        case BaselineState::none:
            break;
    }
    return "";
}

bool fails(const ReportFinding& finding, const std::optional<Severity>& fail_level) {
    return fail_level && finding.baseline != BaselineState::unchanged
           && finding.baseline != BaselineState::absent && finding.finding.severity >= *fail_level;
}

std::size_t rule_index(const ReportModel& model, const std::string& id) {
    const auto it = std::lower_bound(
        model.rules.begin(), model.rules.end(), id,
        [](const RuleDescriptor& rule, const std::string& key) { return rule.id < key; });
    if (it == model.rules.end() || it->id != id)
        return std::string::npos;
    return static_cast<std::size_t>(it - model.rules.begin());
}

std::string rule_name(const std::string& id) {
    std::string out;
    bool upper = true;
    for (const char c : id) {
        if (c == '.' || c == '-' || c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

std::string relative_artifact(const std::string& file, const std::string& source_root,
                              const std::string& cwd) {
    namespace fs = std::filesystem;
    if (file.empty())
        return {};
    const fs::path base(cwd);
    fs::path absolute = fs::path(file);
    if (absolute.is_relative())
        absolute = base / absolute;
    fs::path root = source_root.empty() ? base : fs::path(source_root);
    if (root.is_relative())
        root = base / root;
    const fs::path relative =
        absolute.lexically_normal().lexically_relative(root.lexically_normal());
    if (relative.empty() || *relative.begin() == "..")
        return absolute.lexically_normal().generic_string();
    return relative.generic_string();
}

}  // namespace dpslint::cli::formats
