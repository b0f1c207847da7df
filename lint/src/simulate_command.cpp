#include "simulate_command.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

#include "dpslint/chain_checks.hpp"
#include "dpslint/error.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/output_text.hpp"

#include "attestation_json.hpp"
#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "finding_json.hpp"
#include "input_summary.hpp"
#include "json_output.hpp"
#include "text_style.hpp"
#include "validation_report.hpp"

namespace dpslint::cli {

namespace {

// One device's outcome: the DPS decision and, with --crl, the revocation status of the chain DPS
// walks (which the decision ignores, as DPS does).
struct DeviceOutcome {
    AttestationResult result;
    std::optional<RevocationCheck> revocation;
};

std::vector<CertificatePtr> chain_certificates(const AttestationResult& r) {
    std::vector<CertificatePtr> out;
    for (const auto& link : r.chain)
        out.push_back(link.certificate);
    return out;
}

std::string hubs_text(const AttestationResult& r) {
    std::string out;
    for (const auto& h : r.hubs) {
        out += (out.empty() ? "" : ", ") + one_line(h.name);
        std::string details = one_line(h.location);
        if (h.weight != 1)
            details +=
                (details.empty() ? "" : ", ") + std::string("weight ") + std::to_string(h.weight);
        if (!h.linked)
            details += (details.empty() ? "" : ", ") + std::string("not linked");
        if (!details.empty())
            out += " (" + details + ")";
    }
    return out;
}

std::string chain_text(const AttestationResult& r) {
    std::string out;
    for (const auto& link : r.chain) {
        if (!out.empty())
            out += " -> ";
        out += one_line(link.certificate->label());
        std::string notes;
        if (link.record != nullptr) {
            notes = "DPS " + quote_input(link.record->name, max_shown_bytes) + ", "
                    + (link.record->is_verified ? "verified" : "unverified");
        }
        if (!link.presented)
            notes += (notes.empty() ? "" : ", ") + std::string("not presented");
        if (!notes.empty())
            out += " [" + notes + "]";
    }
    return out;
}

void print_text(const DeviceOutcome& outcome, std::ostream& out, const TextStyle& style) {
    const AttestationResult& r = outcome.result;
    std::string verdict;
    switch (r.decision) {
        case Decision::provisioned:
            verdict = style.good("PROVISIONED");
            break;
        case Decision::blocked:
            verdict = style.bad("BLOCKED");
            break;
        case Decision::rejected:
            verdict = style.bad("REJECTED");
            break;
    }
    out << style.bold(one_line(r.device.file)) << ": " << verdict;
    if (!r.registration_id.empty())
        out << "  registration ID " << quote_input(r.registration_id, max_shown_bytes);
    out << '\n';
    out << "  reason: " << one_line(r.reason) << " (" << r.reason_code << ")\n";
    if (r.enrollment) {
        out << "  enrollment: " << one_line(r.enrollment->kind) << " "
            << quote_input(r.enrollment->id, max_shown_bytes) << "\n";
    }
    out << "  chain: " << chain_text(r) << '\n';
    if (r.decision == Decision::provisioned) {
        out << "  device ID " << quote_input(r.device_id, max_shown_bytes) << "; allocation "
            << (r.allocation_policy ? std::string(to_string(*r.allocation_policy)) : "unknown")
            << (r.allocation_policy_from_service ? " (service default)" : "");
        if (r.chosen_hub) {
            out << " -> " << one_line(*r.chosen_hub);
        } else if (!r.hubs.empty()) {
            out << " over " << r.hubs.size() << " hub(s): " << hubs_text(r);
        } else {
            out << "; linked hubs unknown";
        }
        out << '\n';
        if (r.initial_twin)
            out << "  initial twin: " << describe_twin(*r.initial_twin) << '\n';
        out << "  reprovision: ";
        if (r.reprovision_policy) {
            out << (r.reprovision_policy->update_hub_assignment ? "re-evaluate hub"
                                                                : "never change hub")
                << ", "
                << (r.reprovision_policy->migrate_device_data ? "migrate data"
                                                              : "reset to initial twin");
        } else {
            out << "not set (service behaviour)";
        }
        out << "; IoT Edge: " << (r.iot_edge ? "yes" : "no") << '\n';
    }
    if (outcome.revocation) {
        out << "  revocation: "
            << one_line(revocation_text(outcome.revocation->certificates, r.chain.size())) << '\n';
    }
    for (const auto& f : r.findings)
        out << "  " << format_finding_line(f, style) << '\n';
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

int SimulateCommand::run(std::ostream& out, std::ostream& err) const {
    const auto backend = common_.make_crypto_backend();
    const TimePoint at = common_.evaluation_time();
    Snapshot snapshot;
    std::vector<CertificatePtr> presented;
    std::vector<Finding> input_findings;
    std::unique_ptr<RevocationInputs> revocation;
    try {
        snapshot = load_snapshot(snapshot_, *backend);
        input_findings = snapshot.load_findings;
        presented = read_certificates(presented_, *backend, input_findings);
        revocation = validation_.revocation_inputs(*backend, crl_issuers(snapshot, presented));
    } catch (const InputError& e) {
        print_error(err, e.what());
        return exit_usage;
    }

    sort_findings(input_findings);

    // The lint context decides as DPS would and, with --crl, checks the chain DPS walks; the
    // revocation finding is the lint rule's, so simulate, lint and batch word it alike.
    lint::LintContext context(at, *backend, &snapshot);
    if (revocation)
        context.check_revocation_with(&*revocation->checker);
    const auto* revoked_rule =
        static_cast<const lint::DeviceRule*>(rules::find_rule("device.revoked-but-provisions"));
    auto files = read_device_files(devices_, presented, *backend, err);

    std::size_t provisioned = 0, blocked = 0, rejected = 0, unreadable = 0;
    std::size_t revoked = 0, revoked_provisioned = 0;
    std::vector<std::optional<DeviceOutcome>> results;
    for (auto& file : files) {
        if (!file.error.empty()) {
            ++unreadable;
            results.emplace_back();
            continue;
        }
        lint::DeviceContext device = context.make_device_context(file.device, 0);
        std::vector<Finding> findings = file.input_findings;
        if (device.revocation) {
            lint::FindingSink sink(revoked_rule->metadata(), findings);
            revoked_rule->check(device, lint::RuleOptions(), sink);
            revoked_provisioned += findings.size() > file.input_findings.size();
            revoked += overall_state(device.revocation->certificates) == RevocationState::revoked;
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
        provisioned += r.decision == Decision::provisioned;
        blocked += r.decision == Decision::blocked;
        rejected += r.decision == Decision::rejected;
        results.push_back(DeviceOutcome{std::move(r), std::move(device.revocation)});
    }

    if (common_.output_format() == OutputFormat::json) {
        nlohmann::json devices = nlohmann::json::array();
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (!results[i]) {
                devices.push_back({{"file", files[i].path}, {"error", files[i].error}});
            } else {
                auto j = to_json(results[i]->result);
                if (const auto& check = results[i]->revocation) {
                    j["revocation"] = {
                        {"state", std::string(to_string(overall_state(check->certificates)))},
                        {"certificates", revocation_json(check->certificates,
                                                         chain_certificates(results[i]->result))}};
                }
                devices.push_back(std::move(j));
            }
        }
        nlohmann::json doc{{"command", "simulate"},
                           {"at", format_rfc3339(at)},
                           {"backend", std::string(backend->name())},
                           {"snapshot",
                            {{"origin", snapshot.origin},
                             {"dps", snapshot.service ? nlohmann::json(snapshot.service->name)
                                                      : nlohmann::json(nullptr)},
                             {"notChecked", snapshot.missing_parts}}},
                           {"inputFindings", to_json(input_findings)},
                           {"devices", devices},
                           {"summary",
                            {{"devices", files.size()},
                             {"provisioned", provisioned},
                             {"blocked", blocked},
                             {"rejected", rejected},
                             {"unreadable", unreadable},
                             {"presentedFiles", presented_.size()},
                             {"presentedCertificates", presented.size()},
                             {"trust", trust_json(snapshot)}}}};
        if (revocation) {
            doc["summary"]["crlFiles"] = validation_.crl_files.size();
            doc["summary"]["crls"] = revocation->crls.all().size();
            doc["summary"]["revoked"] = revoked;
            doc["summary"]["revokedButProvisioned"] = revoked_provisioned;
        }
        write_json(out, doc);
    } else {
        const TextStyle style = TextStyle::for_stdout();
        out << "DPS "
            << (snapshot.service ? quote_input(snapshot.service->name, max_shown_bytes)
                                 : std::string("(dps.json absent)"))
            << " from " << one_line(snapshot.origin) << ", evaluated at " << format_rfc3339(at)
            << '\n';
        for (const auto& line : snapshot.missing_parts)
            out << "  not checked: " << one_line(line) << '\n';
        for (const auto& f : input_findings)
            out << format_finding_line(f, style) << '\n';
        out << '\n';
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (!results[i]) {
                out << style.bold(one_line(files[i].path)) << ": " << style.bad("UNREADABLE")
                    << "\n  " << one_line(files[i].error) << "\n\n";
                continue;
            }
            print_text(*results[i], out, style);
            out << '\n';
        }
        out << "inputs: " << files.size() << " device file(s) checked; " << presented.size()
            << " certificate(s) from " << presented_.size()
            << " --presented file(s) added to every chain; trust: " << trust_text(snapshot);
        if (revocation) {
            out << "; revocation: " << revocation->crls.all().size() << " CRL(s) from "
                << validation_.crl_files.size() << " --crl file(s)";
        }
        out << '\n';
        out << "summary: " << files.size() << " device(s): " << provisioned << " provisioned, "
            << blocked << " blocked, " << rejected << " rejected";
        if (unreadable > 0)
            out << ", " << unreadable << " unreadable";
        if (revocation) {
            out << "; " << revoked << " revoked, " << revoked_provisioned
                << " of them provisioned by DPS anyway";
        }
        out << '\n';
    }
    if (unreadable > 0)
        return exit_usage;
    return provisioned == files.size() && revoked_provisioned == 0 ? exit_ok : exit_findings;
}

}  // namespace dpslint::cli
