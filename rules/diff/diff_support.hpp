#pragma once

// What the diff.* rules share. They are checked by `dpslint diff`, which has a before/after pair
// of snapshots: they need a change (InputPart::change), which no lint run has, so the engine
// never applies them there and their check() has nothing to do. The diff policy
// (dpslint/diff/policy.hpp) reports them under the metadata and configured severity the linter
// holds for them, so configuration, suppressions and --fail-on apply as to any rule.

#include <utility>

#include "dpslint/diff/policy.hpp"

#include "rule_support.hpp"

namespace dpslint::rules::diff {

namespace rule_id = dpslint::diff::rule_id;

class ChangeRule : public lint::SnapshotRule {
public:
    explicit ChangeRule(RuleMetadata metadata) : metadata_(std::move(metadata)) {}
    const RuleMetadata& metadata() const final { return metadata_; }
    void check(const LintContext&, const RuleOptions&, FindingSink&) const final {}

private:
    RuleMetadata metadata_;
};

}  // namespace dpslint::rules::diff
