#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "dpslint/finding.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/rule.hpp"

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
// aggregators, finalising) are public so a streaming run reports exactly like `lint`.
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
    using BatchAggregators =
        std::vector<std::pair<const ActiveRule*, std::unique_ptr<BatchAggregator>>>;
    BatchAggregators start_batch(const LintContext& context) const;
    // Ends a streaming batch: every aggregator reports, `extra` findings join them, suppressions
    // apply and their status is reported. rules_run is left to the caller.
    LintReport finish_batch(BatchAggregators& aggregators, const SummaryLookup& lookup,
                            std::vector<Finding> extra) const;
    // Splits into active and suppressed, then sorts both.
    void finalize(std::vector<Finding> findings, LintReport& report) const;
    const SuppressionSet& suppressions() const noexcept { return *suppressions_; }

private:
    // Adds the suppressions' status findings and the disabled rules, then sorts.
    void complete(LintReport& report) const;

    std::vector<ActiveRule> active_;
    std::vector<std::string> disabled_;
    std::unique_ptr<SuppressionSet> suppressions_;
};

}  // namespace dpslint::lint
