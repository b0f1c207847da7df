#include "lint_command.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>

#include "dpslint/error.hpp"
#include "dpslint/finding_positions.hpp"
#include "dpslint/lint/context.hpp"

#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "formats/baseline.hpp"
#include "formats/outputs.hpp"
#include "input_summary.hpp"
#include "json_output.hpp"
#include "lint_ci_model.hpp"
#include "lint_report_output.hpp"
#include "policies.hpp"

namespace dpslint::cli {

namespace {

// A device certificate's PEM BEGIN line, where the finding names the certificate but not the
// line (DER files have none).
void add_pem_line(Location& l, const std::map<std::string, std::vector<std::size_t>>& pem_lines) {
    if (l.line || !l.certificate_index || !l.json_pointer.empty())
        return;
    const auto it = pem_lines.find(l.file);
    if (it != pem_lines.end() && *l.certificate_index < it->second.size()
        && it->second[*l.certificate_index] > 0)
        l.line = it->second[*l.certificate_index];
}

// Every format `lint` writes, for --output.
std::vector<std::string_view> lint_output_formats_list() {
    std::vector<std::string_view> out(output_formats.begin(), output_formats.end());
    out.insert(out.end(), formats::ci_format_names.begin(), formats::ci_format_names.end());
    return out;
}

const std::vector<std::string_view>& lint_output_formats() {
    static const std::vector<std::string_view> formats = lint_output_formats_list();
    return formats;
}

// The JSON report with each finding's fingerprint and, with a baseline, its state and the
// findings that were fixed.
nlohmann::json lint_json_with_fingerprints(const LintResult& result,
                                           const formats::ReportModel& model) {
    nlohmann::json doc = lint_result_json(result);
    auto& findings = doc["findings"];
    for (std::size_t i = 0; i < findings.size() && i < model.findings.size(); ++i) {
        findings[i]["fingerprint"] = model.findings[i].fingerprint;
        if (model.baseline_used)
            findings[i]["baselineState"] = std::string(to_string(model.findings[i].baseline));
    }
    if (model.baseline_used) {
        nlohmann::json fixed = nlohmann::json::array();
        for (const auto& rf : model.fixed) {
            fixed.push_back({{"rule", rf.finding.id},
                             {"severity", std::string(to_string(rf.finding.severity))},
                             {"entity", rf.entity},
                             {"fingerprint", rf.fingerprint},
                             {"message", rf.finding.message},
                             {"baselineState", "absent"}});
        }
        doc["fixed"] = fixed;
        std::size_t unchanged = 0;
        for (const auto& rf : model.findings)
            unchanged += rf.baseline == formats::BaselineState::unchanged ? 1 : 0;
        doc["summary"]["baseline"] = {{"unchanged", unchanged},
                                      {"new", model.findings.size() - unchanged},
                                      {"fixed", model.fixed.size()}};
    }
    return doc;
}

}  // namespace

LintCommand::LintCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "lint", "Audit an exported DPS snapshot (and device certificates) with dpslint's rules");
    command_->add_option("--snapshot", snapshot_, "Exported DPS snapshot (directory or JSON file)")
        ->required()
        ->type_name("PATH");
    command_
        ->add_option("--presented", presented_,
                     "Certificates every device presents in TLS besides its own; one file per "
                     "--presented, repeatable")
        ->type_name("FILE");
    common_.add_at(*command_);
    validation_.add_crl(*command_);
    common_.add_backend(*command_);
    common_.add_format(*command_, true);
    lint_.add(*command_);
    ci_.add(*command_);
    command_
        ->add_option("devices", devices_,
                     "Device certificate files to check as well. Every argument that is not an "
                     "option or an option's one value is a DEVICE_FILE")
        ->type_name("DEVICE_FILE");
}

int LintCommand::run(const CommandStreams& io) const {
    const auto& rules = rules::registry();
    const auto backend = common_.make_crypto_backend();
    const TimePoint at = common_.evaluation_time();
    const LintOptions::Resolved settings = lint_.resolve(rules);
    std::vector<formats::OutputRequest> outputs;
    for (const auto& value : ci_.outputs)
        outputs.push_back(formats::parse_output_request(value, lint_output_formats()));
    std::optional<std::vector<formats::BaselineEntry>> baseline;
    if (!ci_.baseline.empty())
        baseline = formats::read_baseline(ci_.baseline);
    const Snapshot snapshot = load_snapshot(snapshot_, *backend);
    std::vector<Finding> input_findings = snapshot.load_findings;
    const auto presented = read_certificates(presented_, *backend, input_findings);
    const auto revocation =
        validation_.revocation_inputs(*backend, crl_issuers(snapshot, presented));

    // As verify and simulate do: an unreadable device file is reported (stderr and an
    // input.unreadable finding), the others are still linted, and the exit status is 2.
    lint::LintContext context(attestation_options(at), *backend, &snapshot);
    if (revocation)
        context.check_revocation_with(&*revocation->checker);
    bool bad_input = false;
    std::map<std::string, std::vector<std::size_t>> pem_lines;  // device file -> BEGIN lines
    for (auto& file : read_device_files(devices_, presented, *backend, io.err)) {
        if (!file.error.empty()) {
            bad_input = true;
            input_findings.push_back(unreadable_finding(file.path, file.error));
            continue;
        }
        pem_lines[file.path] = file.lines;
        input_findings.insert(input_findings.end(), file.input_findings.begin(),
                              file.input_findings.end());
        context.add_device(std::move(file.device), 0);
    }

    const lint::Linter linter(rules, settings.config, settings.toggles, at);
    LintResult result{linter.run(context), {}};
    lint::LintReport& report = result.report;
    report.findings.insert(report.findings.end(), input_findings.begin(), input_findings.end());
    sort_findings(report.findings);
    // After sorting, so that positions do not change the order reports have always had.
    resolve_positions(report.findings, snapshot.source_maps);
    resolve_positions(report.suppressed, snapshot.source_maps);
    for (auto* findings : {&report.findings, &report.suppressed}) {
        for (auto& f : *findings)
            add_pem_line(f.location, pem_lines);
    }
    result.info = run_info(settings, *backend, snapshot, presented.size(), revocation.get());
    result.info.at = at;

    LintModelInputs model_inputs;
    model_inputs.report = &report;
    model_inputs.rules = &rules;
    model_inputs.snapshot = &snapshot;
    model_inputs.device_files = devices_;
    model_inputs.fail_on = settings.fail_on;
    model_inputs.cwd = std::filesystem::current_path().string();
    model_inputs.source_root =
        std::filesystem::absolute(ci_.source_root.empty() ? "." : ci_.source_root)
            .lexically_normal()
            .string();
    formats::ReportModel model = lint_report_model(model_inputs);
    if (baseline)
        formats::apply_baseline(model, *baseline);
    settle_verdict(model, bad_input);
    if (baseline) {
        result.info.failed = model.exit_status == exit_findings;
        std::size_t unchanged = 0;
        for (const auto& rf : model.findings)
            unchanged += rf.baseline == formats::BaselineState::unchanged ? 1 : 0;
        result.info.baseline = std::to_string(unchanged) + " unchanged (not failing), "
                               + std::to_string(model.findings.size() - unchanged) + " new, "
                               + std::to_string(model.fixed.size()) + " fixed";
    }

    const auto render = [&](const std::string& format, bool to_terminal) {
        if (const auto ci = formats::parse_ci_format(format))
            return formats::render(*ci, model);
        if (format == "json")
            return json_text(lint_json_with_fingerprints(result, model), 2) + "\n";
        std::ostringstream text;
        print_lint_result_text(result, text,
                               to_terminal ? TextStyle::for_stdout() : TextStyle::plain());
        return text.str();
    };
    if (!ci_.write_baseline.empty())
        formats::write_output_file(ci_.write_baseline,
                                   json_text(formats::baseline_json(model), 2) + "\n");
    for (const auto& request : outputs)
        formats::write_output_file(request.file, render(request.format, false));
    io.out << render(common_.format, true);
    return model.exit_status;
}

LintRunInfo LintCommand::run_info(const LintOptions::Resolved& settings,
                                  const CryptoBackend& backend, const Snapshot& snapshot,
                                  std::size_t presented, const RevocationInputs* revocation) const {
    LintRunInfo info;
    info.command = "lint";
    info.backend = std::string(backend.name());
    info.config_file = settings.config.file;
    info.fail_on = settings.fail_on;
    info.extra["snapshot"] = {{"origin", snapshot.origin},
                              {"dps", snapshot.service ? nlohmann::json(snapshot.service->name)
                                                       : nlohmann::json(nullptr)}};
    info.extra["devices"] = devices_.size();
    info.extra["inputs"] = {{"devices", devices_.size()},
                            {"presentedFiles", presented_.size()},
                            {"presentedCertificates", presented},
                            {"trust", trust_json(snapshot)}};
    info.inputs = std::to_string(devices_.size()) + " device file(s) checked; "
                  + std::to_string(presented) + " certificate(s) from "
                  + std::to_string(presented_.size())
                  + " --presented file(s) added to every chain; trust: " + trust_text(snapshot);
    if (revocation != nullptr) {
        info.extra["inputs"]["crlFiles"] = validation_.crl_files.size();
        info.extra["inputs"]["crls"] = revocation->crls.all().size();
        info.inputs += "; revocation: " + std::to_string(revocation->crls.all().size())
                       + " CRL(s) from " + std::to_string(validation_.crl_files.size())
                       + " --crl file(s)";
    }
    return info;
}

}  // namespace dpslint::cli
