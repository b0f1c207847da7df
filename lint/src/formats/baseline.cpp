#include "formats/baseline.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "dpslint/error.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/json_input.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::cli::formats {

namespace {

// A baseline lists findings of one snapshot; a file far larger is not one.
constexpr std::size_t max_baseline_bytes = 64u << 20;

const char* const baseline_format = "dpslint-baseline/v1";

std::string baseline_string(const nlohmann::json& entry, const char* key, const std::string& file,
                            const std::string& pointer, bool required) {
    const auto it = entry.find(key);
    if (it == entry.end()) {
        if (required)
            throw InputError(file, pointer, std::string("missing key '") + key + "'");
        return {};
    }
    if (!it->is_string())
        throw InputError(file, pointer + "/" + key, "expected a string");
    return it->get<std::string>();
}

}  // namespace

nlohmann::json baseline_json(const ReportModel& model) {
    std::vector<BaselineEntry> entries;
    for (const auto& rf : model.findings) {
        entries.push_back({rf.fingerprint, rf.finding.id, rf.entity,
                           std::string(to_string(rf.finding.severity)),
                           one_line(rf.finding.message)});
    }
    // Past --max-ci-results a batch keeps no message: those entries have none.
    for (const auto& cf : model.omitted.compact) {
        entries.push_back({cf.fingerprint, model.omitted.rules.at(cf.rule), cf.entity,
                           std::string(to_string(cf.severity)), std::string()});
    }
    std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
        return a.fingerprint < b.fingerprint;
    });
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& e : entries) {
        nlohmann::json entry{{"fingerprint", e.fingerprint},
                             {"rule", e.rule},
                             {"entity", e.entity},
                             {"severity", e.severity}};
        if (!e.message.empty())
            entry["message"] = e.message;
        findings.push_back(std::move(entry));
    }
    return nlohmann::json{{"format", baseline_format}, {"findings", findings}};
}

std::vector<BaselineEntry> read_baseline(const std::string& path) {
    const Bytes data = read_input_file(path, max_baseline_bytes, "baseline");
    const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
    const nlohmann::json document = parse_json_strict(text, path);
    if (!document.is_object())
        throw InputError(path, "", "expected an object (a file written by --write-baseline)");
    const auto format = document.find("format");
    if (format == document.end() || !format->is_string() || *format != baseline_format)
        throw InputError(path, "/format",
                         std::string("expected \"") + baseline_format
                             + "\" (a file written by --write-baseline)");
    const auto findings = document.find("findings");
    if (findings == document.end())
        throw InputError(path, "", "missing key 'findings'");
    if (!findings->is_array())
        throw InputError(path, "/findings", "expected an array");
    std::vector<BaselineEntry> out;
    for (std::size_t i = 0; i < findings->size(); ++i) {
        const auto& entry = (*findings)[i];
        const std::string pointer = "/findings/" + std::to_string(i);
        if (!entry.is_object())
            throw InputError(path, pointer, "expected an object");
        BaselineEntry e;
        e.fingerprint = baseline_string(entry, "fingerprint", path, pointer, true);
        if (e.fingerprint.empty())
            throw InputError(path, pointer + "/fingerprint", "empty fingerprint");
        e.rule = baseline_string(entry, "rule", path, pointer, false);
        e.entity = baseline_string(entry, "entity", path, pointer, false);
        e.severity = baseline_string(entry, "severity", path, pointer, false);
        e.message = baseline_string(entry, "message", path, pointer, false);
        out.push_back(std::move(e));
    }
    return out;
}

std::set<std::string> baseline_fingerprints(const std::vector<BaselineEntry>& baseline) {
    std::set<std::string> out;
    for (const auto& e : baseline)
        out.insert(e.fingerprint);
    return out;
}

void apply_baseline(ReportModel& model, const std::vector<BaselineEntry>& baseline) {
    model.baseline_used = true;
    const std::set<std::string> known = baseline_fingerprints(baseline);
    std::set<std::string> seen;
    const auto state_of = [&](const std::string& fingerprint) {
        seen.insert(fingerprint);
        return known.count(fingerprint) ? BaselineState::unchanged : BaselineState::new_finding;
    };
    for (auto& rf : model.findings)
        rf.baseline = state_of(rf.fingerprint);
    for (auto& cf : model.omitted.compact)
        cf.baseline = state_of(cf.fingerprint);
    for (const auto& e : baseline) {
        if (seen.count(e.fingerprint))
            continue;
        ReportFinding fixed;
        fixed.finding.id = e.rule.empty() ? "baseline.fixed" : e.rule;
        fixed.finding.severity = parse_severity(e.severity).value_or(Severity::notice);
        fixed.finding.message = "fixed since the baseline: " + e.message;
        fixed.fingerprint = e.fingerprint;
        fixed.entity = e.entity;
        fixed.baseline = BaselineState::absent;
        model.fixed.push_back(std::move(fixed));
        seen.insert(e.fingerprint);
    }
}

}  // namespace dpslint::cli::formats
