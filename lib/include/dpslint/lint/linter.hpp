#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/rule.hpp"

DPSLINT_API_BEGIN
namespace dpslint::lint {

// --enable/--disable from the command line; they win over the config file.
struct RuleToggles {
    std::vector<std::string> enable;
    std::vector<std::string> disable;
};

// A rule as configured for this run.
struct ActiveRule {
    const Rule* rule = nullptr;
    Severity severity = Severity::warning;
    RuleOptions options;
};

// Applies the config's suppressions to findings and remembers which ones were used. Thread-safe.
class SuppressionSet {
public:
    SuppressionSet(std::vector<Suppression> suppressions, TimePoint at);

    bool suppresses(const Finding& finding) const;
    // config.suppression-expired (warning) for each expired suppression, config.suppression-unused
    // (notice) for each active one that matched nothing.
    std::vector<Finding> status_findings() const;

private:
    std::vector<Suppression> items_;
    TimePoint at_;
    std::unique_ptr<std::atomic<std::size_t>[]> uses_;
};

struct LintReport {
    std::vector<Finding> findings;    // sorted; after severity overrides and suppressions
    std::vector<Finding> suppressed;  // sorted
    std::vector<std::string> rules_run;
    std::vector<std::string> rules_not_applicable;
    std::vector<std::string> rules_disabled;
    std::vector<std::string> not_checked;  // parts of the snapshot that were absent, and why
};

// Runs the configured rules over a context. The pieces batch processing needs (per-device checks,
// finalising) are public so a streaming run reports exactly like `lint`.
// `registry` is usually dpslint::rules::registry() (dpslint_rules/registry.hpp, library
// dpslint::rules); its rules must outlive the Linter. run() and check_device() are const and
// thread-safe; findings come back sorted, and problems of the input are findings, not exceptions.
class Linter {
public:
    Linter(const std::vector<const Rule*>& registry, const LintConfig& config,
           const RuleToggles& toggles, TimePoint at);

    const std::vector<ActiveRule>& active_rules() const noexcept { return active_; }
    const std::vector<std::string>& disabled_rules() const noexcept { return disabled_; }

    LintReport run(const LintContext& context) const;

    // Streaming use: the device rules applicable to `context`, checked on one device.
    std::vector<Finding> check_device(const LintContext& context,
                                      const DeviceContext& device) const;
    // The attestation decision ids that `rule_findings` (from check_device) restate; a report
    // that also lists the decision findings drops these so that one cause counts once.
    std::vector<std::string> restated_decisions(const std::vector<Finding>& rule_findings) const;
    // Splits into active and suppressed, then sorts both.
    void finalize(std::vector<Finding> findings, LintReport& report) const;
    // Ends a report: finalize(findings), then the suppressions' status findings and the disabled
    // rules, everything sorted. A streaming batch ends its report here too
    // (dpslint/batch/batch_session.hpp).
    void conclude(std::vector<Finding> findings, LintReport& report) const;
    const SuppressionSet& suppressions() const noexcept { return *suppressions_; }

private:
    std::vector<ActiveRule> active_;
    std::vector<std::string> disabled_;
    std::unique_ptr<SuppressionSet> suppressions_;
};

}  // namespace dpslint::lint
DPSLINT_API_END
