#include "lint_command.hpp"

#include <ostream>

#include "dpslint/lint/context.hpp"

#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "input_summary.hpp"
#include "lint_report_output.hpp"
#include "policies.hpp"
#include "render.hpp"

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

int LintCommand::run(const CommandStreams& io) const {
    const auto& rules = rules::registry();
    const auto backend = common_.make_crypto_backend();
    const TimePoint at = common_.evaluation_time();
    const LintOptions::Resolved settings = lint_.resolve(rules);
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
    for (auto& file : read_device_files(devices_, presented, *backend, io.err)) {
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
    LintResult result{linter.run(context), {}};
    result.report.findings.insert(result.report.findings.end(), input_findings.begin(),
                                  input_findings.end());
    sort_findings(result.report.findings);
    result.info = run_info(settings, *backend, snapshot, presented.size(), revocation.get());
    result.info.at = at;

    render(common_.output_format(), lint_reporter, result, io.out);
    if (bad_input)
        return exit_usage;
    return lint::fails(result.report.findings, settings.fail_on) ? exit_findings : exit_ok;
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
