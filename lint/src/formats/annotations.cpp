#include "formats/annotations.hpp"

#include <algorithm>

#include "dpslint/output_text.hpp"

#include "formats/escape.hpp"

namespace dpslint::cli::formats {

namespace {

// The findings worth an annotation, most severe first (stable: the command's order within a
// level).
std::vector<const ReportFinding*> annotated(const ReportModel& model) {
    std::vector<const ReportFinding*> out;
    for (const auto& rf : model.findings) {
        if (rf.baseline != BaselineState::unchanged)
            out.push_back(&rf);
    }
    std::stable_sort(out.begin(), out.end(), [](const ReportFinding* a, const ReportFinding* b) {
        return a->finding.severity > b->finding.severity;
    });
    return out;
}

// Omitted findings (--max-ci-results) that would have been annotated: those not baselined.
std::size_t omitted_annotated(const ReportModel& model) {
    const auto& compact = model.omitted.compact;
    return model.omitted.count
           - static_cast<std::size_t>(std::count_if(
               compact.begin(), compact.end(),
               [](const CompactFinding& cf) { return cf.baseline == BaselineState::unchanged; }));
}

std::string annotation_message(const Finding& f) {
    return one_line(f.message) + " (" + one_line(f.citation) + ")";
}

}  // namespace

std::string github_commands(const ReportModel& model) {
    std::string out;
    std::size_t shown[3] = {0, 0, 0};
    std::size_t rest = omitted_annotated(model);
    for (const ReportFinding* rf : annotated(model)) {
        const Finding& f = rf->finding;
        const Location& l = f.location;
        auto& count = shown[static_cast<int>(f.severity)];
        // One notice slot is kept for the count of the rest.
        const std::size_t limit =
            f.severity == Severity::notice ? github_max_per_level - 1 : github_max_per_level;
        if (count >= limit) {
            ++rest;
            continue;
        }
        ++count;
        out += "::" + std::string(to_string(f.severity));
        std::string properties;
        const auto property = [&](const char* key, const std::string& value) {
            properties +=
                (properties.empty() ? " " : ",") + std::string(key) + "=" + github_property(value);
        };
        if (!rf->artifact.empty())
            property("file", rf->artifact);
        if (l.line)
            property("line", std::to_string(*l.line));
        if (l.column)
            property("col", std::to_string(*l.column));
        if (l.end_line)
            property("endLine", std::to_string(*l.end_line));
        if (l.end_column)
            property("endColumn", std::to_string(*l.end_column));
        property("title", f.id);
        out += properties + "::" + github_data(annotation_message(f)) + "\n";
    }
    if (rest > 0) {
        out += "::notice title=dpslint::"
               + github_data(std::to_string(rest)
                             + " more finding(s) not annotated (GitHub shows at most "
                             + std::to_string(github_max_per_level)
                             + " of each level per step): see the full report")
               + "\n";
    }
    return out;
}

std::string azure_commands(const ReportModel& model) {
    std::string out;
    std::size_t notices = 0, findings = 0;
    for (const ReportFinding* rf : annotated(model)) {
        const Finding& f = rf->finding;
        const Location& l = f.location;
        ++findings;
        if (f.severity == Severity::notice) {
            ++notices;
            continue;
        }
        out += "##vso[task.logissue type=" + std::string(to_string(f.severity));
        if (!rf->artifact.empty())
            out += ";sourcepath=" + azure_property(rf->artifact);
        if (l.line)
            out += ";linenumber=" + std::to_string(*l.line);
        if (l.column)
            out += ";columnnumber=" + std::to_string(*l.column);
        out += ";code=" + azure_property(f.id) + "]"
               + azure_data(f.id + ": " + annotation_message(f)) + "\n";
    }
    if (notices > 0)
        out += "dpslint: " + std::to_string(notices) + " notice(s) not logged as issues\n";
    if (const std::size_t omitted = omitted_annotated(model); omitted > 0) {
        findings += omitted;
        out += "dpslint: " + azure_data(omitted_text(model)) + "\n";
    }
    const char* result = model.exit_status != 0 ? "Failed"
                         : findings > 0         ? "SucceededWithIssues"
                                                : "Succeeded";
    out += "##vso[task.complete result=" + std::string(result) + ";]"
           + azure_data("dpslint " + model.command + ": " + model.verdict) + "\n";
    return out;
}

}  // namespace dpslint::cli::formats
