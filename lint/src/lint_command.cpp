#include "lint_command.hpp"

#include <ostream>

#include "dpslint/error.hpp"
#include "dpslint/lint/context.hpp"

#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "input_summary.hpp"
#include "json_output.hpp"
#include "lint_report_output.hpp"

namespace dpslint::cli {

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
    common_.add_format(*command_);
    lint_.add(*command_);
    command_
        ->add_option("devices", devices_,
                     "Device certificate files to check as well. Every argument that is not an "
                     "option or an option's one value is a DEVICE_FILE")
        ->type_name("DEVICE_FILE");
}

int LintCommand::run(std::ostream& out, std::ostream& err) const {
    const auto& rules = rules::registry();
    const auto backend = common_.make_crypto_backend();
    const TimePoint at = common_.evaluation_time();

    LintOptions::Resolved settings;
    Snapshot snapshot;
    std::vector<CertificatePtr> presented;
    std::vector<Finding> input_findings;
    std::unique_ptr<RevocationInputs> revocation;
    try {
        settings = lint_.resolve(rules);
        snapshot = load_snapshot(snapshot_, *backend);
        input_findings = snapshot.load_findings;
        presented = read_certificates(presented_, *backend, input_findings);
        revocation = validation_.revocation_inputs(*backend, crl_issuers(snapshot, presented));
    } catch (const InputError& e) {
        print_error(err, e.what());
        return exit_usage;
    }

    // As verify and simulate do: an unreadable device file is reported (stderr and an
    // input.unreadable finding), the others are still linted, and the exit status is 2.
    lint::LintContext context(at, *backend, &snapshot);
    if (revocation)
        context.check_revocation_with(&*revocation->checker);
    bool bad_input = false;
    for (auto& file : read_device_files(devices_, presented, *backend, err)) {
        if (!file.error.empty()) {
            bad_input = true;
            input_findings.push_back(unreadable_finding(file.path, file.error));
            continue;
        }
        input_findings.insert(input_findings.end(), file.input_findings.begin(),
                              file.input_findings.end());
        context.add_device(std::move(file.device), 0);
    }

    const lint::Linter linter(rules, settings.config, settings.toggles, at);
    lint::LintReport report = linter.run(context);
    report.findings.insert(report.findings.end(), input_findings.begin(), input_findings.end());
    sort_findings(report.findings);

    LintRunInfo info;
    info.command = "lint";
    info.at = at;
    info.backend = std::string(backend->name());
    info.config_file = settings.config.file;
    info.fail_on = settings.fail_on;
    info.extra["snapshot"] = {{"origin", snapshot.origin},
                              {"dps", snapshot.service ? nlohmann::json(snapshot.service->name)
                                                       : nlohmann::json(nullptr)}};
    info.extra["devices"] = devices_.size();
    info.extra["inputs"] = {{"devices", devices_.size()},
                            {"presentedFiles", presented_.size()},
                            {"presentedCertificates", presented.size()},
                            {"trust", trust_json(snapshot)}};
    info.inputs = std::to_string(devices_.size()) + " device file(s) checked; "
                  + std::to_string(presented.size()) + " certificate(s) from "
                  + std::to_string(presented_.size())
                  + " --presented file(s) added to every chain; trust: " + trust_text(snapshot);
    if (revocation) {
        info.extra["inputs"]["crlFiles"] = validation_.crl_files.size();
        info.extra["inputs"]["crls"] = revocation->crls.all().size();
        info.inputs += "; revocation: " + std::to_string(revocation->crls.all().size())
                       + " CRL(s) from " + std::to_string(validation_.crl_files.size())
                       + " --crl file(s)";
    }
    if (common_.output_format() == OutputFormat::json) {
        write_json(out, lint_report_json(report, info));
    } else {
        print_lint_report_text(report, info, out, TextStyle::for_stdout());
    }
    if (bad_input)
        return exit_usage;
    return lint::fails(report.findings, settings.fail_on) ? exit_findings : exit_ok;
}

}  // namespace dpslint::cli
