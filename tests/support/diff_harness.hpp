#pragma once

// The diff.* rules (rules/diff/) reported as `dpslint diff` reports them: through the diff policy
// (dpslint/diff/policy.hpp) and a Linter over the rule registry, on decisions or snapshots made
// in memory.

#include <string>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/snapshot.hpp"

namespace dpslint::test {

// A device provisioned through enrollment group `group`, hashed over two hubs.
AttestationResult provisioned_through(const std::string& group);

// A device refused by `kind` `id` with this decision and reason code.
AttestationResult refused_by(Decision decision, int reason_code, const std::string& kind,
                             const std::string& id);

// The diff.* findings of one device whose decision goes from `before` to `after`, with the lint
// configuration `config` and the --expect-loss enrollments `expected_losses`.
std::vector<Finding> transition_findings(const AttestationResult& before,
                                         const AttestationResult& after,
                                         const lint::LintConfig& config = {},
                                         const std::vector<std::string>& expected_losses = {});

// The diff.* findings of the configuration change from `before` to `after`.
std::vector<Finding> change_findings(const Snapshot& before, const Snapshot& after);

// The ids of `findings`, in order.
std::vector<std::string> finding_ids(const std::vector<Finding>& findings);

}  // namespace dpslint::test
