#include "report_fingerprints.hpp"

#include <map>
#include <string>
#include <vector>

#include "dpslint/output_text.hpp"

#include "finding_json.hpp"

namespace dpslint::cli {

namespace {

using nlohmann::json;

std::string location_text(const json& location, const char* key) {
    const auto it = location.find(key);
    if (it == location.end())
        return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

// What tells findings apart in a report, without the positions the model adds (line, column)
// and without the file, which a command's JSON may leave to the enclosing object.
std::string finding_key(const json& finding) {
    static const json no_location = json::object();
    const auto it = finding.find("location");
    const json& l = it != finding.end() && it->is_object() ? *it : no_location;
    std::string key = finding.value("rule", std::string());
    for (const std::string& part :
         {finding.value("message", std::string()), location_text(l, "certificateIndex"),
          location_text(l, "jsonPointer"), location_text(l, "sha256"),
          location_text(l, "enrollmentId")})
        key += '\n' + part;
    return key;
}

struct Candidate {
    std::string file;
    const formats::ReportFinding* finding = nullptr;
    bool used = false;
};

class FingerprintIndex {
public:
    explicit FingerprintIndex(const formats::ReportModel& model) {
        for (const auto& rf : model.findings) {
            const json j = to_json(rf.finding);
            by_key_[finding_key(j)].push_back({rf.finding.location.file, &rf, false});
        }
    }

    // The model's finding for this JSON finding: the first unused one with its key, in the file
    // the JSON names when it names one.
    const formats::ReportFinding* take(const json& finding) {
        const auto found = by_key_.find(finding_key(finding));
        if (found == by_key_.end())
            return nullptr;
        const auto location = finding.find("location");
        const std::string file = location != finding.end() && location->is_object()
                                     ? location_text(*location, "file")
                                     : std::string();
        for (auto& c : found->second) {
            if (!c.used && (file.empty() || c.file == file)) {
                c.used = true;
                return c.finding;
            }
        }
        return nullptr;
    }

private:
    std::map<std::string, std::vector<Candidate>> by_key_;
};

void annotate(json& value, FingerprintIndex& index, bool baseline_used) {
    if (value.is_array()) {
        for (auto& element : value)
            annotate(element, index, baseline_used);
        return;
    }
    if (!value.is_object())
        return;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if ((it.key() == "findings" || it.key() == "inputFindings") && it->is_array()) {
            for (auto& finding : *it) {
                if (!finding.is_object())
                    continue;
                if (const formats::ReportFinding* rf = index.take(finding)) {
                    finding["fingerprint"] = rf->fingerprint;
                    if (baseline_used)
                        finding["baselineState"] = std::string(to_string(rf->baseline));
                }
            }
        } else {
            annotate(*it, index, baseline_used);
        }
    }
}

}  // namespace

json with_fingerprints(json doc, const formats::ReportModel& model) {
    FingerprintIndex index(model);
    annotate(doc, index, model.baseline_used);
    if (!model.baseline_used)
        return doc;
    json fixed = json::array();
    for (const auto& rf : model.fixed) {
        fixed.push_back({{"rule", rf.finding.id},
                         {"severity", std::string(to_string(rf.finding.severity))},
                         {"entity", rf.entity},
                         {"fingerprint", rf.fingerprint},
                         {"message", rf.finding.message},
                         {"baselineState", "absent"}});
    }
    doc["fixed"] = fixed;
    const formats::BaselineCounts counts = formats::baseline_counts(model);
    json& summary = doc["summary"];
    if (!summary.is_object())
        summary = json::object();
    summary["baseline"] = {
        {"unchanged", counts.unchanged}, {"new", counts.new_findings}, {"fixed", counts.fixed}};
    return doc;
}

}  // namespace dpslint::cli
