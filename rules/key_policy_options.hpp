#pragma once

// The options of the weak-key rules (ca.weak-key, device.weak-key) and the policy they configure:
// one declaration, so the two rules cannot drift apart on names, defaults or ranges.

#include <vector>

#include "dpslint/algorithm_policy.hpp"
#include "dpslint/lint/rule.hpp"

namespace dpslint::rules {

// min-rsa-bits (integer, default 2048) and allowed-curves (default P-256, P-384, P-521).
std::vector<lint::RuleOption> key_policy_options();

// The AlgorithmPolicy those options describe.
AlgorithmPolicy key_policy(const lint::RuleOptions& options);

}  // namespace dpslint::rules
