#pragma once

// The findings of a diff: risky transitions of devices (diff.devices-*), risky configuration
// changes (diff.group-moved-to-root), and the lint findings the change introduces or fixes.
// The diff.* ids are rules of the registry like any other (rules/diff/: metadata, severity,
// citation; they need InputPart::change, so a lint run never applies them). The functions here
// report a rule only when the Linter they are given holds it (built from a registry that has it,
// not disabled), at its configured severity; lint configuration, suppressions and --fail-on apply.

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "dpslint/diff/config_diff.hpp"
#include "dpslint/diff/impact.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/linter.hpp"
#include "dpslint/lint/rule.hpp"

DPSLINT_API_BEGIN
namespace dpslint::diff {

namespace rule_id {
inline constexpr const char* devices_lose_provisioning = "diff.devices-lose-provisioning";
inline constexpr const char* expected_loss = "diff.expected-loss";
inline constexpr const char* devices_gain_provisioning = "diff.devices-gain-provisioning";
inline constexpr const char* devices_change_enrollment = "diff.devices-change-enrollment";
inline constexpr const char* devices_change_hub = "diff.devices-change-hub";
inline constexpr const char* devices_change_twin = "diff.devices-change-twin";
inline constexpr const char* devices_change_reprovision = "diff.devices-change-reprovision";
inline constexpr const char* group_moved_to_root = "diff.group-moved-to-root";
}  // namespace rule_id

// Counts the devices of each risky transition, per enrollment on each side, as they stream by:
// memory grows with the number of enrollments, not of devices.
class TransitionPolicy {
public:
    void observe(const std::string& file, const DeviceImpact& device);

    // One finding per rule and pair of enrollments. A loss whose enrollment (on either side) is
    // in `expected_losses` (ids, compared ignoring case) is diff.expected-loss instead.
    std::vector<Finding> findings(const lint::Linter& linter,
                                  const std::vector<std::string>& expected_losses) const;

private:
    struct Tally {
        std::uint64_t devices = 0;
        std::string example_file;
        std::string example_registration_id;
        std::string after_reason;
        int after_code = 0;
        std::optional<EnrollmentRef> before;
        std::optional<EnrollmentRef> after;
    };
    // rule id, before enrollment "kind/id", after enrollment "kind/id", after reason code
    using Key = std::tuple<std::string, std::string, std::string, int>;
    void count(const char* rule, const std::string& file, const DeviceImpact& device);
    std::map<Key, Tally> tallies_;
};

// Configuration changes that are risky whatever devices are given: a group whose CA moves from
// an intermediate to a self-signed root (it then claims every device under that root that no
// nearer group does).
std::vector<Finding> configuration_findings(const ConfigDiff& diff, const lint::LintContext& before,
                                            const lint::LintContext& after,
                                            const lint::Linter& linter);

// The lint findings of `after` that `before` does not have (introduced) and the reverse (fixed),
// compared by rule and by what the finding is about (enrollment, CA record, certificate,
// device), not by array position or file; config.* findings about the run itself are left out.
struct LintChanges {
    std::vector<Finding> introduced;
    std::vector<Finding> fixed;
};
LintChanges compare_lint(const std::vector<Finding>& before, const std::vector<Finding>& after);

// What a finding is about, for comparing two runs: its id and entity, without positions.
std::string finding_identity(const Finding& finding);

}  // namespace dpslint::diff
DPSLINT_API_END
