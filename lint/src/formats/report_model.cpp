#include "formats/report_model.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

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

FindingCounts finding_counts(const ReportModel& model) {
    FindingCounts c;
    for (const auto& rf : model.findings) {
        ++c.by_severity[static_cast<std::size_t>(rf.finding.severity)];
        ++c.by_rule[rf.finding.id];
    }
    const OmittedFindings& o = model.omitted;
    for (std::size_t i = 0; i < c.by_severity.size(); ++i)
        c.by_severity[i] += o.by_severity[i];
    for (const auto& [id, n] : o.by_rule)
        c.by_rule[id] += n;
    c.total = model.findings.size() + o.count;
    return c;
}

BaselineCounts baseline_counts(const ReportModel& model) {
    BaselineCounts c;
    for (const auto& rf : model.findings)
        c.unchanged += rf.baseline == BaselineState::unchanged ? 1 : 0;
    for (const auto& cf : model.omitted.compact)
        c.unchanged += cf.baseline == BaselineState::unchanged ? 1 : 0;
    c.new_findings = model.findings.size() + model.omitted.count - c.unchanged;
    c.fixed = model.fixed.size();
    return c;
}

std::string baseline_summary(const ReportModel& model) {
    const BaselineCounts c = baseline_counts(model);
    return std::to_string(c.unchanged) + " unchanged (not failing), "
           + std::to_string(c.new_findings) + " new, " + std::to_string(c.fixed) + " fixed";
}

namespace {

bool compact_fails(const CompactFinding& cf, const std::optional<Severity>& fail_level) {
    return fail_level && cf.baseline != BaselineState::unchanged && cf.severity >= *fail_level;
}

}  // namespace

bool any_failing(const ReportModel& model) {
    for (const auto& rf : model.findings) {
        if (fails(rf, model.fail_level))
            return true;
    }
    if (!model.fail_level)
        return false;
    if (model.baseline_used) {
        for (const auto& cf : model.omitted.compact) {
            if (compact_fails(cf, model.fail_level))
                return true;
        }
        return false;
    }
    for (std::size_t i = static_cast<std::size_t>(*model.fail_level);
         i < model.omitted.by_severity.size(); ++i) {
        if (model.omitted.by_severity[i] > 0)
            return true;
    }
    return false;
}

std::size_t omitted_failing_files(const ReportModel& model) {
    if (!model.baseline_used)
        return model.omitted.failing_files;
    std::set<std::uint64_t> files;
    for (const auto& cf : model.omitted.compact) {
        if (compact_fails(cf, model.fail_level))
            files.insert(cf.file);
    }
    return files.size();
}

std::string omitted_text(const ReportModel& model) {
    const OmittedFindings& o = model.omitted;
    return std::to_string(o.count) + " finding(s) in " + std::to_string(o.files)
           + " device file(s) counted but not listed: for the CI formats the batch keeps at most "
           + std::to_string(o.limit)
           + " findings of each severity and as many device files without findings "
             "(--max-ci-results); the --report file lists them all";
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
