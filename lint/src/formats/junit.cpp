#include "formats/junit.hpp"

#include <map>
#include <sstream>

#include "dpslint/output_text.hpp"

#include "formats/escape.hpp"

namespace dpslint::cli::formats {

namespace {

std::string junit_attr(std::string_view text) {
    return xml_escape(one_line(text), true);
}

std::string junit_where(const Location& l) {
    std::string out = l.file;
    if (!l.json_pointer.empty())
        out += ":" + l.json_pointer;
    if (l.line) {
        out += " (line " + std::to_string(*l.line);
        if (l.column)
            out += ", column " + std::to_string(*l.column);
        out += ")";
    }
    return out;
}

struct JunitCase {
    const CheckedEntity* entity = nullptr;
    std::vector<const ReportFinding*> failures;
    std::vector<const ReportFinding*> others;
};

}  // namespace

std::string junit_xml(const ReportModel& model) {
    // Entities grouped by kind, in the model's order of kinds.
    std::vector<std::string> kinds;
    std::map<std::string, std::vector<JunitCase>> suites;
    // A file entity's findings are those located in its file, another entity's those about it;
    // indexed once, so a batch of many device files stays linear.
    std::map<std::string, std::vector<const ReportFinding*>> by_file, by_entity;
    for (const auto& rf : model.findings) {
        by_file[rf.finding.location.file].push_back(&rf);
        by_entity[rf.entity].push_back(&rf);
    }
    for (const auto& entity : model.entities) {
        auto& list = suites[entity.kind];
        if (list.empty())
            kinds.push_back(entity.kind);
        JunitCase c;
        c.entity = &entity;
        const auto& index = entity.file.empty() ? by_entity : by_file;
        const auto found = index.find(entity.file.empty() ? entity.key : entity.file);
        if (found != index.end()) {
            for (const ReportFinding* rf : found->second)
                (fails(*rf, model.fail_level) ? c.failures : c.others).push_back(rf);
        }
        list.push_back(std::move(c));
    }

    std::size_t tests = 0, failures = 0;
    std::ostringstream body;
    const std::string prefix = "dpslint " + model.command;
    for (const auto& kind : kinds) {
        const auto& cases = suites[kind];
        std::size_t suite_failures = 0;
        for (const auto& c : cases)
            suite_failures += c.failures.empty() ? 0 : 1;
        tests += cases.size();
        failures += suite_failures;
        body << "  <testsuite name=\"" << junit_attr(prefix + ": " + kind) << "\" tests=\""
             << cases.size() << "\" failures=\"" << suite_failures
             << "\" errors=\"0\" skipped=\"0\">\n";
        for (const auto& c : cases) {
            body << "    <testcase name=\"" << junit_attr(c.entity->kind + " " + c.entity->name)
                 << "\" classname=\"" << junit_attr(prefix + "." + kind) << "\" time=\"0\"";
            if (c.failures.empty() && c.others.empty() && c.entity->rules_applied.empty()) {
                body << "/>\n";
                continue;
            }
            body << ">\n";
            for (const ReportFinding* rf : c.failures) {
                const Finding& f = rf->finding;
                body << "      <failure type=\"" << junit_attr(f.id) << "\" message=\""
                     << junit_attr(f.id + ": " + f.message) << "\">"
                     << xml_escape(std::string(to_string(f.severity)) + " " + f.id + " at "
                                       + junit_where(f.location) + "\n" + f.citation,
                                   false)
                     << "</failure>\n";
            }
            std::string out;
            for (const ReportFinding* rf : c.others) {
                const Finding& f = rf->finding;
                out += std::string(to_string(f.severity)) + " " + f.id
                       + (rf->baseline == BaselineState::unchanged ? " (baselined)" : "") + ": "
                       + one_line(f.message) + " at " + junit_where(f.location) + " (" + f.citation
                       + ")\n";
            }
            if (!c.entity->rules_applied.empty()) {
                out += "rules applied:";
                for (const auto& id : c.entity->rules_applied)
                    out += " " + id;
                out += "\n";
            }
            if (!c.entity->rules_skipped.empty()) {
                out += "rules that could not apply:";
                for (const auto& id : c.entity->rules_skipped)
                    out += " " + id;
                out += "\n";
            }
            body << "      <system-out>" << xml_escape(out, false) << "</system-out>\n";
            body << "    </testcase>\n";
        }
        body << "  </testsuite>\n";
    }
    if (!model.rules_not_applicable.empty()) {
        const std::size_t n = model.rules_not_applicable.size();
        tests += n;
        body << "  <testsuite name=\"" << junit_attr(prefix + ": rules that could not apply")
             << "\" tests=\"" << n << "\" failures=\"0\" errors=\"0\" skipped=\"" << n << "\">\n";
        for (const auto& id : model.rules_not_applicable) {
            body << "    <testcase name=\"" << junit_attr(id) << "\" classname=\""
                 << junit_attr(prefix + ".rules") << "\" time=\"0\">\n"
                 << "      <skipped message=\""
                 << junit_attr(id + " could not apply: what it inspects is not in the input")
                 << "\"/>\n    </testcase>\n";
        }
        body << "  </testsuite>\n";
    }
    if (model.omitted.files > 0) {
        // One test case stands for the device files the batch counted but did not keep, so the
        // totals stay honest without a test case per file of a factory batch.
        const std::size_t failing = omitted_failing_files(model);
        tests += 1;
        failures += failing > 0 ? 1 : 0;
        const std::string text = std::to_string(model.omitted.files) + " device file(s), "
                                 + std::to_string(failing) + " of them failing, not listed; "
                                 + omitted_text(model);
        body << "  <testsuite name=\"" << junit_attr(prefix + ": device files not listed")
             << "\" tests=\"1\" failures=\"" << (failing > 0 ? 1 : 0)
             << "\" errors=\"0\" skipped=\"" << (failing > 0 ? 0 : 1) << "\">\n"
             << "    <testcase name=\"" << junit_attr("device files not listed")
             << "\" classname=\"" << junit_attr(prefix + ".omitted") << "\" time=\"0\">\n"
             << (failing > 0 ? "      <failure type=\"dpslint.omitted\" message=\""
                             : "      <skipped message=\"")
             << junit_attr(text) << "\"/>\n    </testcase>\n  </testsuite>\n";
    }
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"" << junit_attr(prefix) << "\" tests=\"" << tests << "\" failures=\""
        << failures << "\" errors=\"0\">\n"
        << body.str() << "</testsuites>\n";
    return out.str();
}

}  // namespace dpslint::cli::formats
