#include "simulate_command.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>

#include "dpslint/chain_checks.hpp"
#include "dpslint/finding_positions.hpp"
#include "dpslint/lint/context.hpp"

#include "certificate_inputs.hpp"
#include "ci_output.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "lint_ci_model.hpp"
#include "policies.hpp"
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

// The CI model of a simulate run: one checked entity per DEVICE_FILE, the decisions table with
// what DPS would decide for each device, and the trust picture with the devices it rejects or
// blocks.
formats::ReportModel simulate_report_model(const SimulateResult& result, const PemLines& pem_lines,
                                           const CiRequests& requests) {
    std::vector<Finding> findings = result.input_findings;
    std::vector<std::string> files;
    for (const auto& device : result.devices) {
        files.push_back(device.file);
        if (!device.error.empty()) {
            findings.push_back(unreadable_finding(device.file, device.error));
            continue;
        }
        for (auto f : device.outcome->result.findings) {
            if (f.location.file.empty())
                f.location.file = device.file;
            findings.push_back(std::move(f));
        }
    }
    resolve_positions(findings, result.snapshot->source_maps);
    for (auto& f : findings)
        add_pem_line(f.location, pem_lines);
    FindingsModelInputs inputs;
    inputs.command = "simulate";
    inputs.findings = &findings;
    inputs.all_rules = &rules::registry();
    inputs.snapshot = result.snapshot;
    inputs.source_root = requests.source_root;
    inputs.cwd = requests.cwd;
    formats::ReportModel model = findings_report_model(inputs);
    add_file_entities(model, files);
    add_snapshot_trust(model, *result.snapshot);

    model.decision_columns = {"Device file", "Registration ID", "Decision", "Enrollment",
                              "Hub",         "Reason"};
    for (const auto& device : result.devices) {
        const std::string name = std::filesystem::path(device.file).filename().string();
        if (!device.outcome) {
            model.decisions.push_back({name, "", "unreadable", "", "", device.error});
            continue;
        }
        const AttestationResult& r = device.outcome->result;
        const std::string decision(to_string(r.decision));
        const std::string enrollment =
            r.enrollment ? r.enrollment->kind + " " + r.enrollment->id : "";
        std::string hub = r.chosen_hub ? *r.chosen_hub : "";
        if (hub.empty() && r.decision == Decision::provisioned) {
            for (const auto& candidate : r.hubs)
                hub += (hub.empty() ? "" : ", ") + candidate.name;
        }
        model.decisions.push_back({name, r.registration_id, decision, enrollment, hub, r.reason});
        if (r.decision == Decision::provisioned)
            continue;
        const std::string who = r.registration_id.empty() ? name : r.registration_id;
        const bool listed = std::any_of(
            model.trust.devices.begin(), model.trust.devices.end(),
            [&](const formats::TrustDevice& d) { return d.name == who && d.status == decision; });
        if (!listed)
            model.trust.devices.push_back({who, decision});
    }
    return model;
}

}  // namespace

SimulateCommand::SimulateCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "simulate",
        "Decide, as DPS would, whether each device provisions and through which enrollment");
    add_snapshot_option(*command_, snapshot_)->required();
    add_presented_option(*command_, presented_);
    common_.add_at(*command_);
    validation_.add_crl(*command_);
    common_.add_backend(*command_);
    common_.add_format(*command_, true);
    ci_.add(*command_);
    command_
        ->add_option("devices", devices_,
                     "Device certificate files; the first certificate of each is the device's, "
                     "the rest are the chain it presents. Every argument that is not an option or "
                     "an option's one value is a DEVICE_FILE")
        ->required()
        ->type_name("DEVICE_FILE");
}

int SimulateCommand::run(const CommandStreams& io) const {
    const CiRequests requests = read_ci_requests(ci_);
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
    PemLines pem_lines;
    for (auto& file : read_device_files(devices_, presented, *backend, io.err)) {
        add_pem_lines(pem_lines, file);
        result.devices.push_back(simulate_device(context, std::move(file), result));
    }

    formats::ReportModel model = simulate_report_model(result, pem_lines, requests);
    const bool all_provisioned =
        result.provisioned == result.devices.size() && result.revoked_provisioned == 0;
    finish_ci_model(model, requests, result.unreadable > 0,
                    all_provisioned ? exit_ok : exit_findings);
    write_run_outputs(common_.format, ci_, requests,
                      run_documents(simulate_reporter, result, model), io.out);
    return model.exit_status;
}

}  // namespace dpslint::cli
