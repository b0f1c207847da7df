#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dpslint/crl.hpp"
#include "dpslint/path_validator.hpp"
#include "dpslint/revocation.hpp"

namespace dpslint::cli {

// What --crl gives a command that checks revocation beside its main job (simulate, lint, batch):
// the CRLs, the certificates that may have signed them, and a checker over both. Not movable:
// the checker refers to the other two.
struct RevocationInputs {
    CrlSet crls;
    CertificatePool issuers;
    std::optional<RevocationChecker> checker;

    RevocationInputs() = default;
    RevocationInputs(const RevocationInputs&) = delete;
    RevocationInputs& operator=(const RevocationInputs&) = delete;
};

// The RFC 5280 validation inputs `verify` takes beyond trust anchors and time: purpose, policy
// inputs, the §4 profile, CRLs. Kept together so other commands can offer the same options.
struct ValidationOptions {
    std::string purpose = "client";
    std::vector<std::string> policies;  // --policy, one OID per occurrence
    bool require_explicit_policy = false;
    bool inhibit_policy_mapping = false;
    bool inhibit_any_policy = false;
    bool strict = false;
    std::vector<std::string> crl_files;  // --crl, one file per occurrence
    std::string revocation = "best-effort";

    void add_purpose(CLI::App& command);
    void add_policy_inputs(CLI::App& command);
    void add_strict(CLI::App& command);
    void add_revocation(CLI::App& command);  // --crl and --revocation
    void add_crl(CLI::App& command);         // --crl alone (revocation is then best-effort)

    // Sets purpose, policy inputs and strict in `policy` (not the revocation checker).
    void apply(ValidationPolicy& policy) const;
    // Every --crl file, read with `backend`. Throws InputError on a file that is not CRLs.
    CrlSet load_crls(const CryptoBackend& backend) const;
    RevocationMode revocation_mode() const;
    // Null without --crl; else the CRLs read with `backend` and a checker (revocation_mode())
    // whose CRL issuers come from `pool` (trust anchors stay anchors) and the checked paths.
    // Throws InputError on a file that is not CRLs.
    std::unique_ptr<RevocationInputs> revocation_inputs(const CryptoBackend& backend,
                                                        const CertificatePool& pool) const;
};

}  // namespace dpslint::cli
