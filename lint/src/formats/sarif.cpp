#include "formats/sarif.hpp"

#include <algorithm>
#include <filesystem>

#include "dpslint/output_text.hpp"

namespace dpslint::cli::formats {

namespace {

const char* sarif_level(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::notice:
            return "note";
    }
    return "error";
}

// Characters of a relative reference that must be percent-encoded (RFC 3986): all but the
// unreserved ones and '/'.
std::string uri_path(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0x0f];
        }
    }
    return out;
}

nlohmann::json sarif_rule(const RuleDescriptor& rule) {
    return nlohmann::json{{"id", rule.id},
                          {"name", rule.name},
                          {"shortDescription", {{"text", rule.short_description}}},
                          {"fullDescription", {{"text", rule.full_description}}},
                          {"help", {{"text", rule.help_text}, {"markdown", rule.help_markdown}}},
                          {"defaultConfiguration", {{"level", sarif_level(rule.default_level)}}},
                          {"properties", {{"tags", nlohmann::json::array({rule.category})}}}};
}

nlohmann::json logical_locations(const Location& l) {
    nlohmann::json out = nlohmann::json::array();
    const auto add = [&](const std::string& name, const char* kind) {
        if (!name.empty())
            out.push_back({{"name", name},
                           {"fullyQualifiedName", std::string(kind) + ":" + name},
                           {"kind", kind}});
    };
    add(l.enrollment_id, l.enrollment_kind == "group" ? "enrollmentGroup" : "individualEnrollment");
    add(l.ca_name, "caRecord");
    add(l.registration_id, "registrationId");
    return out;
}

nlohmann::json sarif_result(const ReportModel& model, const ReportFinding& rf) {
    const Finding& f = rf.finding;
    const Location& l = f.location;
    nlohmann::json result{{"ruleId", f.id},
                          {"level", sarif_level(f.severity)},
                          {"message", {{"text", one_line(f.message)}}}};
    if (const auto index = rule_index(model, f.id); index != std::string::npos)
        result["ruleIndex"] = index;
    nlohmann::json location = nlohmann::json::object();
    if (!rf.artifact.empty()) {
        nlohmann::json artifact{{"uri", uri_path(rf.artifact)}};
        if (!std::filesystem::path(rf.artifact).is_absolute())
            artifact["uriBaseId"] = "SRCROOT";
        nlohmann::json physical{{"artifactLocation", artifact}};
        if (l.line && *l.line > 0) {
            nlohmann::json region{{"startLine", *l.line}};
            if (l.column)
                region["startColumn"] = *l.column;
            if (l.end_line)
                region["endLine"] = *l.end_line;
            if (l.end_column)
                region["endColumn"] = *l.end_column;
            physical["region"] = region;
        }
        location["physicalLocation"] = physical;
    }
    if (auto logical = logical_locations(l); !logical.empty())
        location["logicalLocations"] = logical;
    if (!location.empty())
        result["locations"] = nlohmann::json::array({location});
    result["partialFingerprints"] = {{"dpslintFingerprint/v1", rf.fingerprint},
                                     {"primaryLocationLineHash", rf.fingerprint + ":1"}};
    if (model.baseline_used)
        result["baselineState"] = std::string(to_string(rf.baseline));
    return result;
}

}  // namespace

nlohmann::json sarif_log(const ReportModel& model, std::size_t max_results) {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& rule : model.rules)
        rules.push_back(sarif_rule(rule));

    // Most severe first when not all fit; otherwise the command's order.
    std::vector<const ReportFinding*> chosen;
    for (const auto& rf : model.findings)
        chosen.push_back(&rf);
    for (const auto& rf : model.fixed)
        chosen.push_back(&rf);
    const std::size_t total = chosen.size() + model.omitted.count;
    if (chosen.size() > max_results) {
        std::stable_sort(chosen.begin(), chosen.end(),
                         [](const ReportFinding* a, const ReportFinding* b) {
                             return a->finding.severity > b->finding.severity;
                         });
        chosen.resize(max_results);
    }
    nlohmann::json results = nlohmann::json::array();
    for (const ReportFinding* rf : chosen)
        results.push_back(sarif_result(model, *rf));

    nlohmann::json invocation{{"executionSuccessful", model.verdict != "input error"},
                              {"exitCode", model.exit_status}};
    if (total > results.size()) {
        std::string why;
        if (total > max_results) {
            why = "GitHub code scanning accepts at most " + std::to_string(max_results)
                  + " results per run; ";
        }
        why += model.omitted.count > 0 ? omitted_text(model) : "the JSON report lists them all";
        invocation["toolExecutionNotifications"] = nlohmann::json::array(
            {{{"level", "warning"},
              {"descriptor", {{"id", "dpslint.results-truncated"}}},
              {"message",
               {{"text", std::to_string(total - results.size()) + " of " + std::to_string(total)
                             + " results left out: " + why}}}}});
    }

    std::string root = std::filesystem::path(model.source_root).generic_string();
    if (root.empty() || root.back() != '/')
        root += '/';
    nlohmann::json run{{"tool",
                        {{"driver",
                          {{"name", model.tool_name},
                           {"semanticVersion", model.tool_version},
                           {"version", model.tool_version},
                           {"informationUri", information_uri},
                           {"rules", rules}}}}},
                       {"originalUriBaseIds", {{"SRCROOT", {{"uri", "file://" + uri_path(root)}}}}},
                       {"columnKind", "utf16CodeUnits"},
                       {"invocations", nlohmann::json::array({invocation})},
                       {"results", results}};
    return nlohmann::json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                          {"version", "2.1.0"},
                          {"runs", nlohmann::json::array({run})}};
}

}  // namespace dpslint::cli::formats
