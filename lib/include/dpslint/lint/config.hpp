#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/rule.hpp"
#include "dpslint/time.hpp"

DPSLINT_API_BEGIN
namespace dpslint::lint {

// Accepting a finding on purpose. Must say why; may expire (and then stops suppressing and is
// reported); may be narrowed to one enrollment, registration ID, certificate thumbprint or CA
// record name.
struct Suppression {
    std::string rule;    // id or glob ("twin.*")
    std::string reason;  // required
    std::optional<TimePoint> expires;
    std::string target;  // empty: everywhere
    SourceRef source;    // where in the config file
};

enum class FailLevel { error, warning, notice, never };
std::optional<FailLevel> parse_fail_level(std::string_view text) noexcept;
std::string_view to_string(FailLevel level) noexcept;
bool fails(const std::vector<Finding>& findings, FailLevel level);

// The content of a .dpslint.json. Every pattern is a rule id or a glob with '*' and '?'.
struct LintConfig {
    std::string file;  // where it was read from; empty for the built-in defaults
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::vector<std::pair<std::string, Severity>> severity;  // in file order
    std::map<std::string, nlohmann::json> options;           // rule id -> {option: value}
    std::vector<Suppression> suppressions;
    std::optional<FailLevel> fail_on;
};

// Parses and validates a config against the rule registry: unknown keys, unknown rule ids or
// options, patterns that match no rule, values of the wrong type, invalid regexes, suppressions
// without a reason, bad dates all throw InputError(file, JSON pointer, detail).
LintConfig parse_lint_config(std::string_view text, const std::string& file,
                             const std::vector<const Rule*>& rules);
LintConfig load_lint_config(const std::filesystem::path& path,
                            const std::vector<const Rule*>& rules);

// Glob matching for rule ids: '*' any run of characters, '?' one character.
bool glob_match(std::string_view pattern, std::string_view text) noexcept;

// The documented example: every rule's options with their defaults, a commented severity
// override and a suppression. What `dpslint rules --example-config` prints.
nlohmann::json example_config(const std::vector<const Rule*>& rules);

}  // namespace dpslint::lint
DPSLINT_API_END
