#include "simulate_output.hpp"

#include <ostream>

#include "dpslint/output_text.hpp"

#include "attestation_json.hpp"
#include "finding_json.hpp"
#include "input_summary.hpp"
#include "validation_report.hpp"

namespace dpslint::cli {

namespace {

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

nlohmann::json simulate_result_json(const SimulateResult& result) {
    const Snapshot& snapshot = *result.snapshot;
    nlohmann::json devices = nlohmann::json::array();
    for (const auto& d : result.devices) {
        if (!d.outcome) {
            devices.push_back({{"file", d.file}, {"error", d.error}});
        } else {
            auto j = to_json(d.outcome->result);
            if (const auto& check = d.outcome->revocation) {
                j["revocation"] = {
                    {"state", std::string(to_string(overall_state(check->certificates)))},
                    {"certificates",
                     revocation_json(check->certificates, chain_certificates(d.outcome->result))}};
            }
            devices.push_back(std::move(j));
        }
    }
    nlohmann::json doc{{"command", "simulate"},
                       {"at", format_rfc3339(result.at)},
                       {"backend", result.backend},
                       {"snapshot",
                        {{"origin", snapshot.origin},
                         {"dps", snapshot.service ? nlohmann::json(snapshot.service->name)
                                                  : nlohmann::json(nullptr)},
                         {"notChecked", snapshot.missing_parts}}},
                       {"inputFindings", to_json(result.input_findings)},
                       {"devices", devices},
                       {"summary",
                        {{"devices", result.devices.size()},
                         {"provisioned", result.provisioned},
                         {"blocked", result.blocked},
                         {"rejected", result.rejected},
                         {"unreadable", result.unreadable},
                         {"presentedFiles", result.presented_files},
                         {"presentedCertificates", result.presented_certificates},
                         {"trust", trust_json(snapshot)}}}};
    if (result.crls) {
        doc["summary"]["crlFiles"] = result.crls->files;
        doc["summary"]["crls"] = result.crls->crls;
        doc["summary"]["revoked"] = result.revoked;
        doc["summary"]["revokedButProvisioned"] = result.revoked_provisioned;
    }
    return doc;
}

void print_simulate_result_text(const SimulateResult& result, std::ostream& out,
                                const TextStyle& style) {
    const Snapshot& snapshot = *result.snapshot;
    out << "DPS "
        << (snapshot.service ? quote_input(snapshot.service->name, max_shown_bytes)
                             : std::string("(dps.json absent)"))
        << " from " << one_line(snapshot.origin) << ", evaluated at " << format_rfc3339(result.at)
        << '\n';
    for (const auto& line : snapshot.missing_parts)
        out << "  not checked: " << one_line(line) << '\n';
    for (const auto& f : result.input_findings)
        out << format_finding_line(f, style) << '\n';
    out << '\n';
    for (const auto& d : result.devices) {
        if (!d.outcome) {
            out << style.bold(one_line(d.file)) << ": " << style.bad("UNREADABLE") << "\n  "
                << one_line(d.error) << "\n\n";
            continue;
        }
        print_text(*d.outcome, out, style);
        out << '\n';
    }
    out << "inputs: " << result.devices.size() << " device file(s) checked; "
        << result.presented_certificates << " certificate(s) from " << result.presented_files
        << " --presented file(s) added to every chain; trust: " << trust_text(snapshot);
    if (result.crls) {
        out << "; revocation: " << result.crls->crls << " CRL(s) from " << result.crls->files
            << " --crl file(s)";
    }
    out << '\n';
    out << "summary: " << result.devices.size() << " device(s): " << result.provisioned
        << " provisioned, " << result.blocked << " blocked, " << result.rejected << " rejected";
    if (result.unreadable > 0)
        out << ", " << result.unreadable << " unreadable";
    if (result.crls) {
        out << "; " << result.revoked << " revoked, " << result.revoked_provisioned
            << " of them provisioned by DPS anyway";
    }
    out << '\n';
}

}  // namespace dpslint::cli
