#include "rule_harness.hpp"

#include <stdexcept>

#include "dpslint/certificate_file.hpp"
#include "dpslint/crl.hpp"
#include "dpslint/lint/linter.hpp"
#include "dpslint/revocation.hpp"

#include "dpslint_rules/registry.hpp"
#include "support/testdata.hpp"

namespace dpslint::test {

const CryptoBackend& backend() {
    static const auto instance = make_openssl_backend();
    return *instance;
}

std::vector<CertificatePtr> certificates(std::string_view relative) {
    return read_certificate_file(testdata(relative), backend()).certificates;
}

CertificatePtr certificate(std::string_view relative) {
    return certificates(relative).front();
}

Snapshot testdata_snapshot(std::string_view relative) {
    return load_snapshot(testdata(relative), backend());
}

Snapshot empty_snapshot() {
    Snapshot s;
    s.origin = "snapshot";
    ServiceSettings service;
    service.name = "my-dps-x509";
    service.allocation_policy_raw = "Hashed";
    service.allocation_policy = AllocationPolicy::hashed;
    service.source = SourceRef{"dps.json", ""};
    s.service = service;
    s.linked_hubs = std::vector<LinkedHub>{};
    s.certificates = std::vector<CaRecord>{};
    s.individuals = std::vector<IndividualEnrollment>{};
    return s;
}

CaRecord ca_record(std::string name, const CertificatePtr& certificate, bool verified) {
    CaRecord r;
    r.name = std::move(name);
    r.subject = certificate->subject().common_names().empty()
                    ? certificate->subject().text()
                    : certificate->subject().common_names().front();
    r.thumbprint = certificate->sha1();
    r.is_verified = verified;
    r.expiry = certificate->not_after();
    r.certificate = certificate;
    r.certificate_file = "ca/" + r.name + ".pem";
    r.source = SourceRef{"certificates.json", ""};
    return r;
}

CaFile ca_file(const CertificatePtr& certificate) {
    return CaFile{"ca/" + certificate->sha1().substr(0, 8) + ".pem", certificate, true};
}

namespace {
EnrollmentSettings x509_settings() {
    EnrollmentSettings s;
    s.attestation.type = AttestationType::x509;
    s.attestation.type_raw = "x509";
    s.attestation.x509 = X509Attestation{};
    s.provisioning_status_raw = "enabled";
    s.reprovision_policy = ReprovisionPolicy{};
    s.iot_edge = false;
    return s;
}

X509CertificateWithInfo with_info(const CertificatePtr& c) {
    X509CertificateWithInfo entry;
    entry.certificate = c;
    X509CertificateInfo info;
    info.subject_name = c->subject().text();
    info.sha1_thumbprint = c->sha1();
    info.sha256_thumbprint = c->sha256();
    info.issuer_name = c->issuer().text();
    entry.info = info;
    return entry;
}
}  // namespace

EnrollmentGroup x509_group(std::string id, std::string ca_reference) {
    EnrollmentGroup g;
    g.id = std::move(id);
    g.settings = x509_settings();
    g.settings.attestation.x509->ca_reference_primary = std::move(ca_reference);
    return g;
}

EnrollmentGroup inline_group(std::string id, const CertificatePtr& signing_certificate) {
    EnrollmentGroup g;
    g.id = std::move(id);
    g.settings = x509_settings();
    g.settings.attestation.x509->signing_primary = with_info(signing_certificate);
    return g;
}

IndividualEnrollment x509_individual(std::string registration_id, const CertificatePtr& client) {
    IndividualEnrollment ie;
    ie.registration_id = std::move(registration_id);
    ie.settings = x509_settings();
    ie.settings.attestation.x509->client_primary = with_info(client);
    return ie;
}

IndividualEnrollment symmetric_key_individual(std::string registration_id) {
    IndividualEnrollment ie;
    ie.registration_id = std::move(registration_id);
    ie.settings.attestation.type = AttestationType::symmetric_key;
    ie.settings.attestation.type_raw = "symmetricKey";
    ie.settings.provisioning_status_raw = "enabled";
    return ie;
}

LinkedHub linked_hub(std::string name, std::string location, std::optional<int> weight,
                     std::optional<bool> apply_allocation_policy) {
    LinkedHub h;
    h.name = std::move(name);
    h.location = std::move(location);
    h.allocation_weight = weight;
    h.apply_allocation_policy = apply_allocation_policy;
    h.connection_string_host = h.name;
    return h;
}

void renumber(Snapshot& s) {
    for (std::size_t i = 0; i < s.groups.size(); ++i) {
        auto& src = s.groups[i].settings.source;
        src = SourceRef{"enrollment-groups.json", "/" + std::to_string(i)};
        auto& x = s.groups[i].settings.attestation.x509;
        if (x && x->signing_primary) {
            x->signing_primary->source =
                SourceRef{src.file, src.pointer + "/attestation/x509/signingCertificates/primary"};
        }
    }
    if (s.individuals) {
        for (std::size_t i = 0; i < s.individuals->size(); ++i) {
            (*s.individuals)[i].settings.source =
                SourceRef{"enrollments.json", "/" + std::to_string(i)};
        }
    }
    if (s.certificates) {
        for (std::size_t i = 0; i < s.certificates->size(); ++i) {
            (*s.certificates)[i].source =
                SourceRef{"certificates.json", "/value/" + std::to_string(i)};
        }
    }
    if (s.linked_hubs) {
        for (std::size_t i = 0; i < s.linked_hubs->size(); ++i) {
            (*s.linked_hubs)[i].source = SourceRef{"linked-hubs.json", "/" + std::to_string(i)};
        }
    }
}

Snapshot demo_snapshot() {
    Snapshot s = empty_snapshot();
    const auto root = certificate("demo/ca/my-root-ca.pem");
    const auto intermediate = certificate("demo/ca/my-intermediate-ca.pem");
    s.certificates->push_back(ca_record("my-root-ca", root, true));
    s.certificates->push_back(ca_record("my-intermediate-ca", intermediate, true));
    s.ca_files.push_back(ca_file(root));
    s.ca_files.push_back(ca_file(intermediate));
    s.groups.push_back(x509_group("fleet", "my-intermediate-ca"));
    s.linked_hubs->push_back(linked_hub("hub-eastus.azure-devices.net", "eastus"));
    s.linked_hubs->push_back(linked_hub("hub-westeurope.azure-devices.net", "westeurope"));
    renumber(s);
    return s;
}

std::vector<std::string> RuleResult::ids() const {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.id);
    return out;
}

RuleResult run_rule(std::string_view id, const Snapshot* snapshot,
                    const std::vector<std::string>& devices, const nlohmann::json& options,
                    TimePoint at) {
    return run_rule_with_crls(id, snapshot, devices, {}, options, at);
}

RuleResult run_rule_with_crls(std::string_view id, const Snapshot* snapshot,
                              const std::vector<std::string>& devices,
                              const std::vector<std::string>& crl_files,
                              const nlohmann::json& options, TimePoint at) {
    const lint::Rule* rule = rules::find_rule(id);
    if (rule == nullptr)
        throw std::runtime_error("no rule " + std::string(id));
    lint::LintConfig config;
    config.enable.push_back(std::string(id));
    if (!options.empty())
        config.options[std::string(id)] = options;
    const lint::Linter linter({rule}, config, {}, at);

    lint::LintContext context(at, backend(), snapshot);
    // As --crl does: CRL issuers from the snapshot's CA certificates.
    CrlSet crls;
    CertificatePool issuers;
    for (const auto& file : crl_files)
        load_crl_file(testdata(file), backend(), crls);
    if (snapshot != nullptr) {
        for (const auto& c : snapshot->uploaded_ca_certificates())
            issuers.add_untrusted(c);
    }
    const RevocationChecker checker(backend(), crls, issuers);
    if (!crl_files.empty())
        context.check_revocation_with(&checker);
    for (const auto& file : devices) {
        const auto certs = certificates(file);
        Device device{file, certs.front(), {certs.begin() + 1, certs.end()}};
        context.add_device(std::move(device), 0);
    }
    const lint::LintReport report = linter.run(context);
    RuleResult result;
    result.applicable = !report.rules_run.empty();
    for (const auto& f : report.findings) {
        if (f.id == id)
            result.findings.push_back(f);
    }
    return result;
}

}  // namespace dpslint::test
