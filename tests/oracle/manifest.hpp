#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/time.hpp"

namespace dpslint::test {

struct OracleDisagreement {
    bool valid = false;
    std::string why;
};

// One verification case of testdata/pki/manifest.json.
struct ManifestCase {
    std::string name;
    std::string leaf;  // paths relative to testdata/pki
    std::vector<std::string> trust;
    std::vector<std::string> untrusted;
    std::string purpose;  // "client" | "any"
    bool expect_valid = false;
    std::vector<std::string> expect_findings;  // sorted, distinct
    std::size_t private_key_blocks = 0;
    std::map<std::string, OracleDisagreement> oracles;  // only where an oracle disagrees

    // The verdict `oracle` should give: dpslint's, unless the manifest explains otherwise.
    bool oracle_verdict(const std::string& oracle) const {
        const auto it = oracles.find(oracle);
        return it == oracles.end() ? expect_valid : it->second.valid;
    }
};

struct Manifest {
    TimePoint at{};
    std::vector<ManifestCase> cases;
};

Manifest load_manifest();

}  // namespace dpslint::test
