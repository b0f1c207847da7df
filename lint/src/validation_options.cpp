#include "validation_options.hpp"

namespace dpslint::cli {

namespace {

std::string check_oid(const std::string& value) {
    return is_dotted_oid(value) ? std::string{}
                                : "not a dotted OID (such as 2.5.29.32.0): '" + value + "'";
}

}  // namespace

void ValidationOptions::add_purpose(CLI::App& command) {
    command
        .add_option("--purpose", purpose,
                    "What the leaf must be good for, by extendedKeyUsage: client (TLS client, "
                    "DPS devices), server (TLS server, e.g. an IoT Edge gateway), any, or a "
                    "KeyPurposeId OID")
        // Described as the three names, so that the man page and the completions offer them;
        // a dotted OID is accepted too, as the help text says.
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                if (parse_purpose(value) || is_dotted_oid(value))
                    return {};
                return "expected client, server, any or a dotted OID: '" + value + "'";
            },
            "{client,server,any}", "purpose"))
        ->capture_default_str();
}

void ValidationOptions::add_policy_inputs(CLI::App& command) {
    command
        .add_option("--policy", policies,
                    "Acceptable certificate policy OID (RFC 5280 user-initial-policy-set); "
                    "repeatable, one OID each; default anyPolicy")
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all()
        ->type_name("OID")
        ->check(check_oid);
    command.add_flag("--require-explicit-policy", require_explicit_policy,
                     "The path must be valid for at least one acceptable policy "
                     "(initial-explicit-policy)");
    command.add_flag("--inhibit-policy-mapping", inhibit_policy_mapping,
                     "Certificates may not map policies: mapped ones are dropped "
                     "(initial-policy-mapping-inhibit)");
    command.add_flag("--inhibit-any-policy", inhibit_any_policy,
                     "anyPolicy in a certificate matches nothing (initial-any-policy-inhibit)");
}

void ValidationOptions::add_strict(CLI::App& command) {
    command.add_flag("--strict", strict,
                     "Fail certificates that break the RFC 5280 section 4 rules CAs must follow "
                     "(x509.* ids)");
}

void ValidationOptions::add_crl(CLI::App& command) {
    command
        .add_option("--crl", crl_files,
                    "CRL file (PEM with one or more X509 CRL blocks, or DER); repeatable, one "
                    "file each; enables revocation checking")
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all()
        ->type_name("FILE");
}

void ValidationOptions::add_revocation(CLI::App& command) {
    add_crl(command);
    command
        .add_option("--revocation", revocation,
                    "With --crl: what a certificate no given CRL is authoritative for means: "
                    "require (a failure, chain.revocation-unknown) or best-effort (status "
                    "unknown, not a failure)")
        ->check(CLI::IsMember({"require", "best-effort"}))
        ->capture_default_str();
}

void ValidationOptions::apply(ValidationPolicy& policy) const {
    if (const auto known = parse_purpose(purpose)) {
        policy.purpose = *known;
    } else {
        policy.purpose = Purpose::other;
        policy.purpose_oid = purpose;
    }
    policy.policies.initial_policy_set = policies;
    policy.policies.initial_explicit_policy = require_explicit_policy;
    policy.policies.initial_policy_mapping_inhibit = inhibit_policy_mapping;
    policy.policies.initial_any_policy_inhibit = inhibit_any_policy;
    policy.strict = strict;
}

CrlSet ValidationOptions::load_crls(const CryptoBackend& backend) const {
    CrlSet set;
    for (const auto& file : crl_files)
        load_crl_file(file, backend, set);
    return set;
}

RevocationMode ValidationOptions::revocation_mode() const {
    return parse_revocation_mode(revocation).value_or(RevocationMode::best_effort);
}

std::unique_ptr<RevocationInputs> ValidationOptions::revocation_inputs(
    const CryptoBackend& backend, const CertificatePool& pool) const {
    if (crl_files.empty())
        return nullptr;
    auto inputs = std::make_unique<RevocationInputs>();
    inputs->crls = load_crls(backend);
    inputs->issuers = pool;
    inputs->checker.emplace(backend, inputs->crls, inputs->issuers, revocation_mode());
    return inputs;
}

}  // namespace dpslint::cli
