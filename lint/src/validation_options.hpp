#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dpslint/crl.hpp"
#include "dpslint/path_validator.hpp"
#include "dpslint/revocation.hpp"

namespace dpslint::cli {

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
    void add_revocation(CLI::App& command);

    // Sets purpose, policy inputs and strict in `policy` (not the revocation checker).
    void apply(ValidationPolicy& policy) const;
    // Every --crl file, read with `backend`. Throws InputError on a file that is not CRLs.
    CrlSet load_crls(const CryptoBackend& backend) const;
    RevocationMode revocation_mode() const;
};

}  // namespace dpslint::cli
