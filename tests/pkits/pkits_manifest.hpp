#pragma once

#include <string>
#include <vector>

#include "dpslint/time.hpp"

namespace dpslint::test {

// One test (or subpart) of testdata/pkits/manifest.json, written by scripts/gen-pkits-manifest.py.
struct PkitsTest {
    std::string number;  // "4.8.1"; subparts share it
    std::string name;
    std::string section;             // "4.8"
    std::vector<std::string> certs;  // trust anchor first, target last (names in certs/)
    std::vector<std::string> crls;   // names in crls/
    bool expect_valid = false;
    std::vector<std::string> initial_policy_set;
    bool initial_explicit_policy = false;
    bool initial_policy_mapping_inhibit = false;
    bool initial_any_policy_inhibit = false;
    std::vector<std::string> user_constrained_policy_set;  // expected when valid
    bool policy_inputs = false;  // sets any RFC 5280 §6.1.1 input away from its default
    bool needs_crls = false;     // expected to fail because of revocation or CRL processing
    std::string expected_miss;   // why dpslint deliberately disagrees; empty when it agrees

    std::string label() const { return number + " " + name; }
};

struct PkitsManifest {
    TimePoint at{};
    std::vector<PkitsTest> tests;
};

PkitsManifest load_pkits_manifest();

}  // namespace dpslint::test
