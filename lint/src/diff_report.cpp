#include "diff_report.hpp"

#include <ostream>

#include "dpslint/output_text.hpp"

#include "attestation_json.hpp"
#include "finding_json.hpp"
#include "json_output.hpp"
#include "report_fingerprints.hpp"

namespace dpslint::cli {

namespace {

nlohmann::json optional_json(const std::optional<nlohmann::json>& value) {
    return value ? *value : nlohmann::json(nullptr);
}

nlohmann::json source_json(const std::optional<SourceRef>& source) {
    if (!source)
        return nullptr;
    return {{"file", source->file}, {"pointer", source->pointer}};
}

nlohmann::json enrollment_json(const std::optional<EnrollmentRef>& e) {
    if (!e)
        return nullptr;
    return {{"kind", e->kind}, {"id", e->id}};
}

// One side of a device's decision: what decided and, when provisioned, where it would go.
nlohmann::json side_json(const AttestationResult& r) {
    nlohmann::json j{{"decision", std::string(to_string(r.decision))},
                     {"reasonCode", r.reason_code},
                     {"reason", r.reason},
                     {"enrollment", enrollment_json(r.enrollment)}};
    if (r.decision != Decision::provisioned)
        return j;
    nlohmann::json hubs = nlohmann::json::array();
    for (const auto& h : r.hubs)
        hubs.push_back(h.name);
    j["deviceId"] = r.device_id;
    j["allocationPolicy"] = r.allocation_policy
                                ? nlohmann::json(std::string(to_string(*r.allocation_policy)))
                                : nlohmann::json(nullptr);
    j["allocationPolicyFromService"] = r.allocation_policy_from_service;
    j["hubs"] = hubs;
    j["chosenHub"] = r.chosen_hub ? nlohmann::json(*r.chosen_hub) : nlohmann::json(nullptr);
    j["initialTwin"] =
        r.initial_twin ? nlohmann::json(describe_twin(*r.initial_twin)) : nlohmann::json(nullptr);
    j["reprovisionPolicy"] =
        r.reprovision_policy
            ? nlohmann::json{{"updateHubAssignment", r.reprovision_policy->update_hub_assignment},
                             {"migrateDeviceData", r.reprovision_policy->migrate_device_data}}
            : nlohmann::json(nullptr);
    j["iotEdge"] = r.iot_edge;
    return j;
}

std::vector<std::string> aspect_names(const diff::Aspects& a) {
    std::vector<std::string> out;
    if (a.enrollment)
        out.emplace_back("enrollment");
    if (a.hubs)
        out.emplace_back("hubs");
    if (a.twin)
        out.emplace_back("twin");
    if (a.reprovision)
        out.emplace_back("reprovision");
    if (a.capabilities)
        out.emplace_back("capabilities");
    return out;
}

std::string side_text(const AttestationResult& r) {
    std::string out = std::string(to_string(r.decision));
    if (r.enrollment)
        out += " by " + r.enrollment->kind + " " + quote_input(r.enrollment->id, max_shown_bytes);
    if (r.decision != Decision::provisioned)
        out += " (" + one_line(r.reason) + ", " + std::to_string(r.reason_code) + ")";
    return out;
}

// A field value on one line, bytes escaped as JSON escapes them, long values shortened.
std::string value_text(const std::optional<nlohmann::json>& value) {
    constexpr std::size_t max_value_bytes = 200;
    return value ? one_line(json_text(*value), max_value_bytes) : std::string("(absent)");
}

nlohmann::json transitions_json(const diff::TransitionCounts& counts) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t i = 0; i < diff::transition_count; ++i) {
        out[std::string(to_string(static_cast<diff::Transition>(i)))] = counts.counts[i];
    }
    return out;
}

void key(std::ostream& out, std::string_view name, const nlohmann::json& value, bool last) {
    out << "  " << json_text(nlohmann::json(std::string(name))) << ": " << json_text(value)
        << (last ? "\n" : ",\n");
}

}  // namespace

nlohmann::json config_diff_json(const diff::ConfigDiff& config) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : config.changes) {
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& f : c.fields) {
            fields.push_back(
                {{"path", f.path},
                 {"before", optional_json(f.before)},
                 {"after", optional_json(f.after)},
                 {"beforePointer", c.before ? nlohmann::json(diff::field_pointer(*c.before, f.path))
                                            : nlohmann::json(nullptr)},
                 {"afterPointer", c.after ? nlohmann::json(diff::field_pointer(*c.after, f.path))
                                          : nlohmann::json(nullptr)}});
        }
        changes.push_back({{"kind", std::string(to_string(c.kind))},
                           {"id", c.id},
                           {"change", std::string(to_string(c.change))},
                           {"before", source_json(c.before)},
                           {"after", source_json(c.after)},
                           {"fields", fields}});
    }
    return {{"changes", changes}};
}

DiffReportWriter::DiffReportWriter(std::ostream& out, OutputFormat format, TextStyle style)
    : out_(out), format_(format), style_(style) {}

void DiffReportWriter::begin(const DiffRunInfo& info, const diff::ConfigDiff& config) {
    if (format_ == OutputFormat::json) {
        out_ << "{\n";
        key(out_, "command", "diff", false);
        key(out_, "at", format_rfc3339(info.at), false);
        key(out_, "backend", info.backend, false);
        key(out_, "before", {{"origin", info.before}}, false);
        key(out_, "after", {{"origin", info.after}}, false);
        key(out_, "lintConfig",
            info.config_file.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.config_file),
            false);
        key(out_, "config", config_diff_json(config), false);
        out_ << "  \"devices\": [";
        return;
    }
    out_ << "diff " << one_line(info.before) << " -> " << one_line(info.after) << ", evaluated at "
         << format_rfc3339(info.at) << "\n\n";
    out_ << style_.bold("configuration") << ": " << config.changes.size() << " change(s)\n";
    for (const auto& c : config.changes) {
        const auto& where = c.after ? c.after : c.before;
        out_ << "  " << to_string(c.kind) << " " << quote_input(c.id, max_shown_bytes) << " "
             << to_string(c.change);
        if (where)
            out_ << "  (" << one_line(where->file) << " " << one_line(where->pointer) << ")";
        out_ << '\n';
        for (const auto& f : c.fields) {
            out_ << "    " << one_line(f.path) << ": " << value_text(f.before) << " -> "
                 << value_text(f.after) << '\n';
        }
    }
    out_ << '\n' << style_.bold("devices") << ":\n";
}

void DiffReportWriter::device(const std::string& file, const diff::DeviceImpact& device) {
    const auto& c = device.comparison;
    if (format_ == OutputFormat::json) {
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& name : aspect_names(c.aspects))
            changes.push_back(name);
        const nlohmann::json j{{"file", file},
                               {"certificateIndex", device.certificate_index},
                               {"registrationId", device.after.registration_id},
                               {"before", side_json(device.before)},
                               {"after", side_json(device.after)},
                               {"transition", std::string(to_string(c.transition))},
                               {"changes", changes}};
        out_ << (first_device_ ? "\n    " : ",\n    ") << json_text(j);
        first_device_ = false;
        return;
    }
    const std::string transition(to_string(c.transition));
    out_ << "  " << one_line(file);
    if (device.certificate_index != 0)
        out_ << " [" << device.certificate_index << "]";
    if (!device.after.registration_id.empty())
        out_ << " " << quote_input(device.after.registration_id, max_shown_bytes);
    out_ << ": "
         << (c.transition == diff::Transition::unchanged
                 ? transition
                 : (diff::loses_provisioning(c.transition) ? style_.bad(transition)
                                                           : style_.bold(transition)));
    if (c.transition != diff::Transition::unchanged)
        out_ << "  " << side_text(device.before) << " -> " << side_text(device.after);
    const auto aspects = aspect_names(c.aspects);
    if (aspects.size() > 1) {
        std::string list;
        for (const auto& a : aspects)
            list += (list.empty() ? "" : ", ") + a;
        out_ << " [" << list << "]";
    }
    out_ << '\n';
}

void DiffReportWriter::rejected(const std::string& file, const std::string& error_id,
                                const std::string& error) {
    if (format_ == OutputFormat::json) {
        const nlohmann::json j{{"file", file}, {"errorId", error_id}, {"error", error}};
        out_ << (first_device_ ? "\n    " : ",\n    ") << json_text(j);
        first_device_ = false;
        return;
    }
    out_ << "  " << one_line(file) << ": " << style_.bad("UNREADABLE") << "  " << one_line(error)
         << '\n';
}

void DiffReportWriter::end(const DiffTotals& totals) {
    std::map<std::string, std::size_t> by_severity{{"error", 0}, {"warning", 0}, {"notice", 0}};
    for (const auto& f : totals.findings)
        ++by_severity[std::string(to_string(f.severity))];
    if (format_ == OutputFormat::json) {
        out_ << (first_device_ ? "],\n" : "\n  ],\n");
        // Fingerprints as in SARIF, by one pass over both lists; lint findings the change fixed
        // are in no model (they are findings of the snapshot before) and keep none.
        nlohmann::json tail{{"findings", to_json(totals.findings)},
                            {"introduced", {{"findings", to_json(totals.lint.introduced)}}}};
        if (totals.model)
            tail = with_fingerprints(std::move(tail), *totals.model);
        key(out_, "findings", tail["findings"], false);
        key(out_, "lint",
            {{"introduced", tail["introduced"]["findings"]}, {"fixed", to_json(totals.lint.fixed)}},
            false);
        if (tail.contains("fixed"))
            key(out_, "fixed", tail["fixed"], false);
        nlohmann::json summary{{"devices", totals.devices},
                               {"unreadable", totals.unreadable},
                               {"transitions", transitions_json(totals.transitions)},
                               {"findings", by_severity},
                               {"suppressed", totals.suppressed},
                               {"lintIntroduced", totals.lint.introduced.size()},
                               {"lintFixed", totals.lint.fixed.size()},
                               {"failOn", std::string(lint::to_string(totals.fail_on))}};
        if (tail.contains("summary"))
            summary["baseline"] = tail["summary"]["baseline"];
        key(out_, "summary", summary, true);
        out_ << "}\n";
        return;
    }
    out_ << '\n' << style_.bold("findings") << ":\n";
    if (totals.findings.empty())
        out_ << "  none\n";
    for (const auto& f : totals.findings)
        out_ << format_finding_line(f, style_) << '\n';
    out_ << '\n'
         << style_.bold("lint") << ": " << totals.lint.introduced.size() << " introduced, "
         << totals.lint.fixed.size() << " fixed\n";
    for (const auto& f : totals.lint.introduced)
        out_ << "  + " << format_finding_line(f, style_) << '\n';
    for (const auto& f : totals.lint.fixed)
        out_ << "  - " << format_finding_line(f, style_) << '\n';
    out_ << "\nsummary: " << totals.devices << " device(s)";
    if (totals.unreadable > 0)
        out_ << ", " << totals.unreadable << " unreadable file(s)";
    std::string counts;
    for (std::size_t i = 0; i < diff::transition_count; ++i) {
        if (totals.transitions.counts[i] == 0)
            continue;
        counts += (counts.empty() ? "" : ", ")
                  + std::string(to_string(static_cast<diff::Transition>(i))) + " "
                  + std::to_string(totals.transitions.counts[i]);
    }
    out_ << (counts.empty() ? std::string() : ": " + counts)
         << "; findings: " << by_severity["error"] << " error(s), " << by_severity["warning"]
         << " warning(s), " << by_severity["notice"] << " notice(s)";
    if (totals.suppressed > 0)
        out_ << ", " << totals.suppressed << " suppressed";
    if (totals.model && totals.model->baseline_used)
        out_ << "; baseline: " << formats::baseline_summary(*totals.model);
    out_ << '\n';
}

DiffWriters::DiffWriters(const std::string& format,
                         const std::vector<formats::OutputRequest>& outputs, std::ostream& out) {
    const auto own = [](const std::string& name) {
        return name == "text" || name == "json";
    };
    for (const auto& request : outputs) {
        if (own(request.format))
            files_[request.format];
    }
    writers_.reserve(files_.size() + 1);
    if (own(format))
        writers_.emplace_back(out, format == "json" ? OutputFormat::json : OutputFormat::text,
                              TextStyle::for_stdout());
    for (auto& [name, stream] : files_) {
        writers_.emplace_back(stream, name == "json" ? OutputFormat::json : OutputFormat::text,
                              TextStyle::plain());
    }
}

void DiffWriters::begin(const DiffRunInfo& info, const diff::ConfigDiff& config) {
    for (auto& w : writers_)
        w.begin(info, config);
}

void DiffWriters::device(const std::string& file, const diff::DeviceImpact& device) {
    for (auto& w : writers_)
        w.device(file, device);
}

void DiffWriters::rejected(const std::string& file, const std::string& error_id,
                           const std::string& error) {
    for (auto& w : writers_)
        w.rejected(file, error_id, error);
}

void DiffWriters::end(const DiffTotals& totals) {
    for (auto& w : writers_)
        w.end(totals);
}

std::map<std::string, std::string> DiffWriters::written() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, stream] : files_)
        out.emplace(name, stream.str());
    return out;
}

}  // namespace dpslint::cli
