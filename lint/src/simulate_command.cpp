#include "simulate_command.hpp"

#include <ostream>

#include "dpslint/chain_checks.hpp"
#include "dpslint/lint/context.hpp"

#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "policies.hpp"
#include "render.hpp"
#include "simulate_output.hpp"

namespace dpslint::cli {

namespace {

// One device decided, its counts added to `result`.
SimulatedDevice simulate_device(const lint::LintContext& context, DeviceFile file,
                                SimulateResult& result) {
    SimulatedDevice out{file.path, file.error, std::nullopt};
    if (!file.error.empty()) {
        ++result.unreadable;
        return out;
    }
    const auto* revoked_rule =
        static_cast<const lint::DeviceRule*>(rules::find_rule("device.revoked-but-provisions"));
    lint::DeviceContext device = context.make_device_context(file.device, 0);
    std::vector<Finding> findings = file.input_findings;
    if (device.revocation) {
        lint::FindingSink sink(revoked_rule->metadata(), findings);
        revoked_rule->check(device, lint::RuleOptions(), sink);
        result.revoked_provisioned += findings.size() > file.input_findings.size();
        result.revoked +=
            overall_state(device.revocation->certificates) == RevocationState::revoked;
        // chain.revoked is what the rule restates; unusable CRLs are still worth a line.
        for (auto f : device.revocation->findings) {
            if (f.id == chain_check::revoked)
                continue;
            f.location.file = file.path;
            findings.push_back(std::move(f));
        }
    }
    AttestationResult r = std::move(*device.attestation);
    r.findings.insert(r.findings.end(), findings.begin(), findings.end());
    sort_findings(r.findings);
    result.provisioned += r.decision == Decision::provisioned;
    result.blocked += r.decision == Decision::blocked;
    result.rejected += r.decision == Decision::rejected;
    out.outcome = DeviceOutcome{std::move(r), std::move(device.revocation)};
    return out;
}

}  // namespace

SimulateCommand::SimulateCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "simulate",
        "Decide, as DPS would, whether each device provisions and through which enrollment");
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
    command_
        ->add_option("devices", devices_,
                     "Device certificate files; the first certificate of each is the device's, "
                     "the rest are the chain it presents. Every argument that is not an option or "
                     "an option's one value is a DEVICE_FILE")
        ->required()
        ->type_name("DEVICE_FILE");
}

int SimulateCommand::run(const CommandStreams& io) const {
    const auto backend = common_.make_crypto_backend();
    SimulateResult result;
    result.at = common_.evaluation_time();
    result.backend = std::string(backend->name());
    const Snapshot snapshot = load_snapshot(snapshot_, *backend);
    result.snapshot = &snapshot;
    result.input_findings = snapshot.load_findings;
    const auto presented = read_certificates(presented_, *backend, result.input_findings);
    const auto revocation =
        validation_.revocation_inputs(*backend, crl_issuers(snapshot, presented));
    sort_findings(result.input_findings);
    result.presented_files = presented_.size();
    result.presented_certificates = presented.size();
    if (revocation)
        result.crls = CrlCounts{validation_.crl_files.size(), revocation->crls.all().size()};

    // The lint context decides as DPS would and, with --crl, checks the chain DPS walks; the
    // revocation finding is the lint rule's, so simulate, lint and batch word it alike.
    lint::LintContext context(attestation_options(result.at), *backend, &snapshot);
    if (revocation)
        context.check_revocation_with(&*revocation->checker);
    for (auto& file : read_device_files(devices_, presented, *backend, io.err))
        result.devices.push_back(simulate_device(context, std::move(file), result));

    render(common_.output_format(), simulate_reporter, result, io.out);
    if (result.unreadable > 0)
        return exit_usage;
    return result.provisioned == result.devices.size() && result.revoked_provisioned == 0
               ? exit_ok
               : exit_findings;
}

}  // namespace dpslint::cli
