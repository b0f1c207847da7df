#include "lint_command.hpp"

#include <map>
#include <ostream>

#include "dpslint/error.hpp"
#include "dpslint/finding_positions.hpp"
#include "dpslint/lint/context.hpp"

#include "certificate_inputs.hpp"
#include "ci_output.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "formats/baseline.hpp"
#include "input_summary.hpp"
#include "json_output.hpp"
#include "lint_ci_model.hpp"
#include "lint_report_output.hpp"
#include "policies.hpp"

namespace dpslint::cli {

LintCommand::LintCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "lint", "Audit an exported DPS snapshot (and device certificates) with dpslint's rules");
    add_snapshot_option(*command_, snapshot_)->required();
    add_presented_option(*command_, presented_);
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
    const CiRequests requests = read_ci_requests(ci_);
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
    PemLines pem_lines;
    for (auto& file : read_device_files(devices_, presented, *backend, io.err)) {
        if (!file.error.empty()) {
            bad_input = true;
            input_findings.push_back(unreadable_finding(file.path, file.error));
            continue;
        }
        add_pem_lines(pem_lines, file);
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
    model_inputs.cwd = requests.cwd;
    model_inputs.source_root = requests.source_root;
    formats::ReportModel model = lint_report_model(model_inputs);
    finish_ci_model(model, requests, bad_input, std::nullopt);
    if (requests.baseline) {
        result.info.failed = model.exit_status == exit_findings;
        result.info.baseline = formats::baseline_summary(model);
    }

    RunDocuments documents;
    documents.text = [&result](std::ostream& out, const TextStyle& style) {
        print_lint_result_text(result, out, style);
    };
    documents.json = [&result] {
        return lint_result_json(result);
    };
    documents.model = &model;
    write_run_outputs(common_.format, ci_, requests, documents, io.out);
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
