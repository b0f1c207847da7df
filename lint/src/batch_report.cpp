#include "batch_report.hpp"

#include <ostream>

#include "dpslint/fingerprint.hpp"
#include "dpslint/output_text.hpp"

#include "formats/report_model.hpp"
#include "json_output.hpp"

namespace dpslint::cli {

namespace {

constexpr std::size_t example_limit = 20;

// A device's findings with the line of the certificate they are about (PEM) and their
// fingerprint: the one the CI formats and baselines give the same finding.
nlohmann::json findings_json(std::vector<Finding> findings, const std::string& file,
                             const BaselineFingerprints* baseline) {
    for (auto& f : findings) {
        if (f.location.file.empty())
            f.location.file = file;  // as the CI model locates it
    }
    const auto fingerprints = finding_fingerprints(findings, nullptr);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        nlohmann::json j{{"rule", f.id},
                         {"severity", std::string(to_string(f.severity))},
                         {"message", one_line(f.message)},
                         {"fingerprint", fingerprints[i]}};
        if (baseline)
            j["baselineState"] = std::string(to_string(baseline->count(fingerprints[i])
                                                           ? formats::BaselineState::unchanged
                                                           : formats::BaselineState::new_finding));
        if (f.location.line)
            j["line"] = *f.location.line;
        out.push_back(std::move(j));
    }
    return out;
}

// One line per record: the value as one_line shows it, quoted when it holds a comma or a quote.
std::string csv_field(const std::string& raw) {
    const std::string value = one_line(raw);
    if (value.find_first_of(",\"") == std::string::npos)
        return value;
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

nlohmann::json report_line(const batch::FileRecord& file, const batch::DeviceRecord* device,
                           const BaselineFingerprints* baseline) {
    nlohmann::json j{{"sequence", file.sequence}, {"file", file.path}};
    if (!file.private_key_lines.empty())
        j["privateKeyLines"] = file.private_key_lines;
    if (device == nullptr) {
        j["status"] = "rejected";
        j["errorRule"] = file.error_id;
        j["error"] = file.error;
        return j;
    }
    const auto& s = device->summary;
    j["status"] = "checked";
    j["certificateIndex"] = s.certificate_index;
    j["registrationId"] = s.registration_id;
    j["subject"] = s.subject;
    j["issuer"] = s.issuer;
    j["serial"] = s.serial_hex;
    j["sha256"] = s.sha256;
    j["sha1"] = s.sha1;
    j["spkiSha256"] = s.spki_sha256;
    j["notBefore"] = format_rfc3339(s.not_before);
    j["notAfter"] = format_rfc3339(s.not_after);
    j["decision"] = device->decision;
    j["reason"] = one_line(device->reason);
    j["reasonCode"] =
        device->reason_code ? nlohmann::json(*device->reason_code) : nlohmann::json(nullptr);
    j["enrollment"] = device->enrollment ? nlohmann::json{{"kind", device->enrollment->kind},
                                                          {"id", device->enrollment->id}}
                                         : nlohmann::json(nullptr);
    j["findings"] = findings_json(device->findings, file.path, baseline);
    j["suppressed"] = device->suppressed;
    if (device->revocation)
        j["revocation"] = std::string(to_string(*device->revocation));
    return j;
}

std::vector<nlohmann::json> report_lines(const batch::FileRecord& file,
                                         const BaselineFingerprints* baseline) {
    std::vector<nlohmann::json> out;
    if (file.rejected()) {
        out.push_back(report_line(file, nullptr));
        return out;
    }
    for (const auto& d : file.devices)
        out.push_back(report_line(file, &d, baseline));
    return out;
}

batch::FileRecord file_record_from_lines(const std::vector<nlohmann::json>& lines) {
    batch::FileRecord r;
    const auto& first = lines.front();
    r.sequence = first.at("sequence").get<std::uint64_t>();
    r.path = first.at("file").get<std::string>();
    if (first.contains("privateKeyLines")) {
        r.private_key_lines = first["privateKeyLines"].get<std::vector<std::size_t>>();
    }
    if (first.at("status") == "rejected") {
        r.error_id = first.at("errorRule").get<std::string>();
        r.error = first.at("error").get<std::string>();
        return r;
    }
    for (const auto& j : lines) {
        batch::DeviceRecord d;
        auto& s = d.summary;
        s.file = r.path;
        s.certificate_index = j.at("certificateIndex").get<std::size_t>();
        s.registration_id = j.at("registrationId").get<std::string>();
        s.subject = j.at("subject").get<std::string>();
        s.issuer = j.at("issuer").get<std::string>();
        s.serial_hex = j.at("serial").get<std::string>();
        s.sha256 = j.at("sha256").get<std::string>();
        s.sha1 = j.at("sha1").get<std::string>();
        s.spki_sha256 = j.at("spkiSha256").get<std::string>();
        s.not_before = parse_rfc3339(j.at("notBefore").get<std::string>()).value_or(TimePoint{});
        s.not_after = parse_rfc3339(j.at("notAfter").get<std::string>()).value_or(TimePoint{});
        d.decision = j.at("decision").get<std::string>();
        d.reason = j.at("reason").get<std::string>();
        if (!j.at("reasonCode").is_null())
            d.reason_code = j["reasonCode"].get<int>();
        if (!j.at("enrollment").is_null()) {
            d.enrollment = EnrollmentRef{j["enrollment"]["kind"], j["enrollment"]["id"], {}};
        }
        for (const auto& f : j.at("findings")) {
            Finding finding;
            finding.id = f.at("rule").get<std::string>();
            finding.severity =
                parse_severity(f.at("severity").get<std::string>()).value_or(Severity::error);
            finding.message = f.at("message").get<std::string>();
            finding.location = s.location();
            if (f.contains("line"))
                finding.location.line = f["line"].get<std::size_t>();
            d.findings.push_back(std::move(finding));
        }
        d.suppressed = j.at("suppressed").get<std::size_t>();
        if (j.contains("revocation"))
            d.revocation = parse_revocation_state(j["revocation"].get<std::string>())
                               .value_or(RevocationState::unknown);
        r.devices.push_back(std::move(d));
    }
    return r;
}

ReportWriter::ReportWriter(std::ostream& out, ReportFormat format,
                           const BaselineFingerprints* baseline)
    : out_(out), format_(format), baseline_(baseline) {
    if (format_ == ReportFormat::csv) {
        out_ << "sequence,file,certificate_index,status,registration_id,sha256,issuer,serial,"
                "not_after,decision,reason,finding_ids,error\n";
    }
}

void ReportWriter::write_csv(const batch::FileRecord& file, const batch::DeviceRecord* d) {
    std::string ids;
    if (d != nullptr) {
        for (const auto& f : d->findings)
            ids += (ids.empty() ? "" : " ") + f.id;
    }
    out_ << file.sequence << ',' << csv_field(file.path) << ','
         << (d ? std::to_string(d->summary.certificate_index) : "") << ','
         << (d ? "checked" : "rejected") << ',' << (d ? csv_field(d->summary.registration_id) : "")
         << ',' << (d ? d->summary.sha256 : "") << ',' << (d ? csv_field(d->summary.issuer) : "")
         << ',' << (d ? d->summary.serial_hex : "") << ','
         << (d ? format_rfc3339(d->summary.not_after) : "") << ',' << (d ? d->decision : "") << ','
         << (d ? csv_field(d->reason) : "") << ',' << csv_field(ids) << ','
         << (d ? "" : csv_field(file.error)) << '\n';
}

void ReportWriter::write(const batch::FileRecord& file) {
    if (format_ == ReportFormat::jsonl) {
        for (const auto& line : report_lines(file, baseline_)) {
            out_ << json_text(line) << '\n';
            ++lines_;
        }
        return;
    }
    if (file.rejected()) {
        write_csv(file, nullptr);
        ++lines_;
        return;
    }
    for (const auto& d : file.devices) {
        write_csv(file, &d);
        ++lines_;
    }
}

void BatchTally::add(const batch::FileRecord& file) {
    ++files_seen;
    if (file.rejected()) {
        ++files_rejected;
        ++rejected_by_reason[file.error_id];
        auto& entry = findings_by_rule[file.error_id];
        entry.first = Severity::error;
        ++entry.second;
        any_error = true;
        if (rejected_examples.size() < example_limit)
            rejected_examples.push_back(file.error);
        return;
    }
    ++files_checked;
    for (const auto& d : file.devices) {
        ++devices;
        ++decisions[d.decision];
        if (d.revocation) {
            ++revocation_checked;
            revoked += *d.revocation == RevocationState::revoked;
        }
        ++devices_by_issuer[d.summary.issuer];
        suppressed += d.suppressed;
        std::string ids;
        Severity worst = Severity::notice;
        for (const auto& f : d.findings) {
            auto& entry = findings_by_rule[f.id];
            entry.first = f.severity;
            ++entry.second;
            any_error |= f.severity == Severity::error;
            any_warning |= f.severity == Severity::warning;
            any_notice |= f.severity == Severity::notice;
            if (f.severity > worst)
                worst = f.severity;
            if (f.severity == Severity::error)
                ids += (ids.empty() ? "" : ", ") + f.id;
        }
        const bool failing = d.decision == "rejected" || d.decision == "invalid"
                             || d.decision == "blocked" || !ids.empty();
        if (failing && failing_device_examples.size() < example_limit) {
            failing_device_examples.push_back(
                file.path
                + (d.summary.certificate_index > 0
                       ? " #" + std::to_string(d.summary.certificate_index)
                       : std::string())
                + ": " + d.decision + (ids.empty() ? "" : " (" + ids + ")"));
        }
    }
}

nlohmann::json BatchTally::to_json() const {
    nlohmann::json by_rule = nlohmann::json::object();
    for (const auto& [id, entry] : findings_by_rule) {
        by_rule[id] = {{"severity", std::string(to_string(entry.first))}, {"count", entry.second}};
    }
    nlohmann::json out{{"filesSeen", files_seen},
                       {"filesChecked", files_checked},
                       {"filesRejected", files_rejected},
                       {"devices", devices},
                       {"decisions", decisions},
                       {"findingsByRule", by_rule},
                       {"devicesByIssuer", devices_by_issuer},
                       {"rejectedByReason", rejected_by_reason},
                       {"suppressed", suppressed}};
    if (revocation_checked > 0) {
        out["revocationChecked"] = revocation_checked;
        out["revoked"] = revoked;
    }
    return out;
}

}  // namespace dpslint::cli
