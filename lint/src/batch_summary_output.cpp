#include "batch_summary_output.hpp"

#include <algorithm>
#include <ostream>

#include "dpslint/output_text.hpp"

#include "finding_json.hpp"

namespace dpslint::cli {

namespace {

double seconds(std::chrono::nanoseconds n) {
    return std::chrono::duration<double>(n).count();
}

nlohmann::json timings_json(const batch::StageTimes& t) {
    const double total = seconds(t.read + t.parse + t.decide + t.rules);
    const std::vector<std::pair<std::string, double>> parts{{"read", seconds(t.read)},
                                                            {"parse", seconds(t.parse)},
                                                            {"decide", seconds(t.decide)},
                                                            {"rules", seconds(t.rules)}};
    const auto slowest =
        std::max_element(parts.begin(), parts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [name, s] : parts)
        j[name + "Seconds"] = s;
    j["slowest"] = slowest->first;
    j["slowestShare"] = total > 0 ? slowest->second / total : 0.0;
    return j;
}

}  // namespace

bool BatchOutcome::failed() const {
    if (baseline_failed)
        return *baseline_failed;
    switch (fail_on) {
        case lint::FailLevel::never:
            return false;
        case lint::FailLevel::notice:
            if (tally.any_notice)
                return true;
            [[fallthrough]];
        case lint::FailLevel::warning:
            if (tally.any_warning)
                return true;
            [[fallthrough]];
        case lint::FailLevel::error:
            break;
    }
    return tally.any_error || lint::fails(batch_report.findings, fail_on);
}

nlohmann::json batch_outcome_json(const BatchOutcome& o) {
    nlohmann::json doc = o.header;
    doc["command"] = o.command;
    nlohmann::json summary = o.tally.to_json();
    summary["failOn"] = std::string(lint::to_string(o.fail_on));
    summary["failed"] = o.failed();
    doc["summary"] = summary;
    doc["findings"] = to_json(o.batch_report.findings);
    doc["suppressed"] = to_json(o.batch_report.suppressed);
    doc["rulesRun"] = o.batch_report.rules_run;
    doc["rulesNotApplicable"] = o.batch_report.rules_not_applicable;
    doc["rulesDisabled"] = o.batch_report.rules_disabled;
    if (o.timings)
        doc["timings"] = timings_json(*o.timings);
    return doc;
}

void print_batch_outcome_text(const BatchOutcome& o, std::ostream& out, const TextStyle& style) {
    const auto& t = o.tally;
    out << style.bold("dpslint " + o.command) << ": " << t.files_seen << " file(s) seen, "
        << t.files_checked << " checked, " << t.files_rejected << " rejected; " << t.devices
        << " device certificate(s)";
    if (o.header.contains("at"))
        out << " at " << o.header["at"].get<std::string>();
    out << '\n';
    if (o.header.contains("shard") && !o.header["shard"].is_null()) {
        out << "shard " << one_line(o.header["shard"].get<std::string>())
            << " (batch.* rules see this shard only; merge shard reports with batch-merge)\n";
    }
    if (!t.decisions.empty()) {
        out << "decisions:";
        for (const auto& [decision, n] : t.decisions)
            out << ' ' << one_line(decision) << ' ' << n;
        out << '\n';
    }
    if (t.revocation_checked > 0) {
        out << "revocation: " << t.revoked << " of " << t.revocation_checked
            << " device(s) revoked by the CRLs given\n";
    }
    if (!t.devices_by_issuer.empty()) {
        out << "issuers:\n";
        for (const auto& [issuer, n] : t.devices_by_issuer)
            out << "  " << n << "  " << one_line(issuer) << '\n';
    }
    if (!t.findings_by_rule.empty()) {
        out << "findings by rule:\n";
        for (const auto& [id, entry] : t.findings_by_rule) {
            out << "  " << style.severity(entry.first) << ' ' << one_line(id) << ": "
                << entry.second << '\n';
        }
    }
    if (!o.batch_report.findings.empty()) {
        out << "across the batch:\n";
        for (const auto& f : o.batch_report.findings)
            out << "  " << format_finding_line(f, style) << '\n';
    }
    if (!t.rejected_examples.empty()) {
        out << "rejected files"
            << (t.files_rejected > t.rejected_examples.size()
                    ? " (first " + std::to_string(t.rejected_examples.size()) + ")"
                    : std::string())
            << ":\n";
        for (const auto& e : t.rejected_examples)
            out << "  " << one_line(e) << '\n';
    }
    if (!t.failing_device_examples.empty()) {
        out << "devices with errors or that would not provision (first "
            << t.failing_device_examples.size() << "; see the report for all):\n";
        for (const auto& e : t.failing_device_examples)
            out << "  " << one_line(e) << '\n';
    }
    if (o.timings) {
        const auto j = timings_json(*o.timings);
        out << "time by stage (all threads): read " << j["readSeconds"].get<double>()
            << " s, parse " << j["parseSeconds"].get<double>() << " s, decide "
            << j["decideSeconds"].get<double>() << " s, rules " << j["rulesSeconds"].get<double>()
            << " s; slowest: " << j["slowest"].get<std::string>() << '\n';
    }
    if (o.header.contains("report") && !o.header["report"].is_null()) {
        out << "report: " << one_line(o.header["report"]["path"].get<std::string>()) << " ("
            << o.header["report"]["format"].get<std::string>() << ")\n";
    }
    if (!o.inputs.empty())
        out << "inputs: " << o.inputs << '\n';
    if (!o.baseline.empty())
        out << "baseline: " << o.baseline << '\n';
    out << "summary: " << (o.failed() ? style.bad("FAIL") : style.good("pass")) << " (fail on "
        << lint::to_string(o.fail_on) << "; " << o.batch_report.rules_run.size()
        << " batch rules run)\n";
}

}  // namespace dpslint::cli
