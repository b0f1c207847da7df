#include "lint_report_output.hpp"

#include <map>
#include <ostream>

#include "dpslint/output_text.hpp"

#include "finding_json.hpp"

namespace dpslint::cli {

namespace {

struct Counts {
    std::size_t error = 0, warning = 0, notice = 0;
};

Counts count(const std::vector<Finding>& findings) {
    Counts c;
    for (const auto& f : findings) {
        switch (f.severity) {
            case Severity::error:
                ++c.error;
                break;
            case Severity::warning:
                ++c.warning;
                break;
            case Severity::notice:
                ++c.notice;
                break;
        }
    }
    return c;
}

// What a finding is about, as a heading.
std::string subject_of(const Finding& f) {
    const Location& l = f.location;
    // Device findings may also name the enrollment that decided: the device is the subject.
    if (!l.registration_id.empty() || l.certificate_index) {
        return "device " + l.file
               + (l.certificate_index && *l.certificate_index > 0
                      ? " #" + std::to_string(*l.certificate_index)
                      : std::string())
               + (l.subject.empty() ? std::string() : " (" + l.subject + ")");
    }
    if (l.enrollment_kind == "group")
        return "enrollment group '" + l.enrollment_id + "'";
    if (l.enrollment_kind == "individual")
        return "individual enrollment '" + l.enrollment_id + "'";
    if (!l.ca_name.empty())
        return "CA certificate '" + l.ca_name + "'";
    if (!l.file.empty())
        return l.file;
    if (f.id.rfind("batch.", 0) == 0)
        return "across all devices of this run";  // batch-wide: about no single device
    return "general";
}

std::string where(const Location& l) {
    if (!l.json_pointer.empty())
        return one_line(l.file) + ":" + one_line(l.json_pointer) + ": ";
    if (l.line)
        return one_line(l.file) + ":" + std::to_string(*l.line) + ": ";
    return {};
}

}  // namespace

nlohmann::json lint_result_json(const LintResult& result) {
    const auto& [report, info] = result;
    const Counts c = count(report.findings);
    nlohmann::json doc = info.extra;
    doc["command"] = info.command;
    doc["at"] = format_rfc3339(info.at);
    doc["backend"] = info.backend;
    doc["config"] =
        info.config_file.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.config_file);
    doc["findings"] = to_json(report.findings);
    doc["suppressed"] = to_json(report.suppressed);
    doc["rulesRun"] = report.rules_run;
    doc["rulesNotApplicable"] = report.rules_not_applicable;
    doc["rulesDisabled"] = report.rules_disabled;
    doc["notChecked"] = report.not_checked;
    doc["summary"] = {{"error", c.error},
                      {"warning", c.warning},
                      {"notice", c.notice},
                      {"suppressed", report.suppressed.size()},
                      {"rulesRun", report.rules_run.size()},
                      {"rulesNotApplicable", report.rules_not_applicable.size()},
                      {"failOn", std::string(lint::to_string(info.fail_on))},
                      {"failed", info.failed.value_or(lint::fails(report.findings, info.fail_on))}};
    return doc;
}

void print_lint_result_text(const LintResult& result, std::ostream& out, const TextStyle& style) {
    const auto& [report, info] = result;
    for (const auto& line : report.not_checked)
        out << "not checked: " << one_line(line) << '\n';
    if (!report.not_checked.empty())
        out << '\n';

    // Headings in order of first appearance in the sorted findings, findings under them.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Finding*>> groups;
    for (const auto& f : report.findings) {
        const std::string heading = one_line(subject_of(f));
        auto& list = groups[heading];
        if (list.empty())
            order.push_back(heading);
        list.push_back(&f);
    }
    for (const auto& heading : order) {
        out << style.bold(heading) << '\n';
        for (const Finding* f : groups[heading]) {
            out << "  " << style.severity(f->severity) << " " << one_line(f->id) << ": "
                << where(f->location) << one_line(f->message) << '\n'
                << "           " << one_line(f->citation) << '\n';
        }
        out << '\n';
    }
    const Counts c = count(report.findings);
    if (!info.inputs.empty())
        out << "inputs: " << info.inputs << '\n';
    if (!info.baseline.empty())
        out << "baseline: " << info.baseline << '\n';
    out << "summary: " << c.error << " error(s), " << c.warning << " warning(s), " << c.notice
        << " notice(s)";
    if (!report.suppressed.empty())
        out << ", " << report.suppressed.size() << " suppressed";
    out << "; " << report.rules_run.size() << " rules run, " << report.rules_not_applicable.size()
        << " not applicable";
    if (!report.rules_disabled.empty())
        out << ", " << report.rules_disabled.size() << " disabled";
    out << " (fail on " << lint::to_string(info.fail_on) << ": "
        << (info.failed.value_or(lint::fails(report.findings, info.fail_on)) ? style.bad("FAIL")
                                                                             : style.good("pass"))
        << ")\n";
}

}  // namespace dpslint::cli
