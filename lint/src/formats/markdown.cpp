#include "formats/markdown.hpp"

#include <map>

#include "formats/escape.hpp"

namespace dpslint::cli::formats {

namespace {

std::string md_location(const ReportFinding& rf) {
    const Location& l = rf.finding.location;
    std::string out = rf.artifact;
    if (l.line)
        out += ":" + std::to_string(*l.line) + (l.column ? ":" + std::to_string(*l.column) : "");
    if (!l.json_pointer.empty())
        out += " " + l.json_pointer;
    return out;
}

std::string trust_diagram(const TrustPicture& trust) {
    std::string out = "```mermaid\nflowchart LR\n";
    std::map<std::string, std::string> ca_node, hub_node;
    std::size_t n = 0;
    for (const auto& ca : trust.cas) {
        const std::string id = "ca" + std::to_string(n++);
        ca_node[ca.name] = id;
        out += "  " + id + "[\"" + mermaid_label("CA " + ca.name) + "<br/>"
               + (ca.verified ? "verified" : "NOT verified") + "\"]\n";
    }
    n = 0;
    for (const auto& group : trust.groups) {
        const std::string id = "g" + std::to_string(n++);
        out += "  " + id + "[\"" + mermaid_label("group " + group.id) + "<br/>"
               + (group.enabled ? "enabled" : "disabled") + "\"]\n";
        for (const auto& ca : group.cas) {
            auto it = ca_node.find(ca);
            if (it == ca_node.end()) {
                const std::string missing = "cx" + std::to_string(ca_node.size());
                it = ca_node.emplace(ca, missing).first;
                out +=
                    "  " + missing + "[\"" + mermaid_label("CA " + ca) + "<br/>not uploaded\"]\n";
            }
            out += "  " + it->second + " --> " + id + "\n";
        }
        for (const auto& hub : group.hubs) {
            auto it = hub_node.find(hub);
            if (it == hub_node.end()) {
                const std::string hid = "h" + std::to_string(hub_node.size());
                it = hub_node.emplace(hub, hid).first;
                out += "  " + hid + "[(\"" + mermaid_label(hub) + "\")]\n";
            }
            out += "  " + id + (group.enabled ? " --> " : " -.-> ") + it->second + "\n";
        }
    }
    n = 0;
    for (const auto& device : trust.devices) {
        out += "  d" + std::to_string(n++) + "[\"" + mermaid_label(device.name) + "<br/>"
               + mermaid_label(device.status) + "\"]\n";
    }
    out += "```\n";
    return out;
}

}  // namespace

std::string markdown_summary(const ReportModel& model, std::size_t max_findings) {
    const FindingCounts all = finding_counts(model);
    const auto& counts = all.by_severity;
    const auto& by_rule = all.by_rule;
    std::string out = "## dpslint " + markdown_text(model.command) + ": "
                      + (model.verdict == "pass" ? "✅ pass" : "❌ " + markdown_text(model.verdict))
                      + "\n\n";
    out += "**" + std::to_string(counts[2]) + " error(s), " + std::to_string(counts[1])
           + " warning(s), " + std::to_string(counts[0]) + " notice(s)**; fail on "
           + (model.fail_level ? std::string(to_string(*model.fail_level)) : std::string("never"))
           + ", exit status " + std::to_string(model.exit_status) + ".\n";
    if (model.baseline_used)
        out += "\nBaseline: " + baseline_summary(model) + ".\n";
    if (!by_rule.empty()) {
        out += "\n### Findings by rule\n\n| Rule | Count |\n|---|---:|\n";
        for (const auto& [id, count] : by_rule)
            out += "| " + markdown_text(id) + " | " + std::to_string(count) + " |\n";
    }
    if (!model.decisions.empty()) {
        out += "\n### Decisions\n\n|";
        std::string rule_line = "|";
        for (const auto& column : model.decision_columns) {
            out += " " + markdown_text(column) + " |";
            rule_line += "---|";
        }
        out += "\n" + rule_line + "\n";
        for (const auto& row : model.decisions) {
            out += "|";
            for (const auto& cell : row)
                out += " " + markdown_text(cell) + " |";
            out += "\n";
        }
    }
    if (!model.findings.empty()) {
        const std::size_t shown = std::min(max_findings, model.findings.size());
        out += "\n### Findings";
        if (shown < all.total)
            out += " (first " + std::to_string(shown) + " of " + std::to_string(all.total) + ")";
        if (model.omitted.count > 0)
            out += "\n\n" + omitted_text(model);
        out += "\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n";
        for (std::size_t i = 0; i < shown; ++i) {
            const ReportFinding& rf = model.findings[i];
            out += "| " + std::string(to_string(rf.finding.severity))
                   + (rf.baseline == BaselineState::unchanged ? " (baselined)" : "") + " | "
                   + markdown_text(rf.finding.id) + " | " + markdown_text(md_location(rf)) + " | "
                   + markdown_text(rf.finding.message) + " |\n";
        }
    }
    if (!model.trust.cas.empty() || !model.trust.groups.empty() || !model.trust.devices.empty())
        out += "\n### Trust picture\n\n" + trust_diagram(model.trust);
    return out;
}

}  // namespace dpslint::cli::formats
