#pragma once

// Every declared finding id with where it is declared: the library catalogues and the rule
// registry (the x509.* rules report the profile checks and are not a declaration of their own).

#include <map>
#include <string>

#include "dpslint/chain_checks.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/profile.hpp"

#include "dpslint_rules/registry.hpp"

namespace dpslint::test {

inline std::map<std::string, std::string> declared_finding_ids() {
    std::map<std::string, std::string> out;
    for (const auto& c : chain_checks())
        out.emplace(c.id, "chain_checks()");
    for (const auto& c : profile_checks())
        out.emplace(c.id, "profile_checks()");
    for (const auto catalogue : {attestation_findings(), input_findings(), config_findings()}) {
        for (const auto& k : catalogue)
            out.emplace(k.id, "finding_catalogue");
    }
    for (const auto* rule : rules::registry())
        out.emplace(rule->metadata().id, "the rule registry");
    return out;
}

}  // namespace dpslint::test
