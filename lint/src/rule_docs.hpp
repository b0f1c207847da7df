#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/lint/rule.hpp"

namespace dpslint::cli {

// Rule metadata as data (`dpslint rules --format json`).
nlohmann::json rule_json(const lint::Rule& rule);

// docs/rules.md: generated from the registry; a test fails when the committed file is stale.
std::string rules_markdown(const std::vector<const lint::Rule*>& rules);

// `dpslint explain ID`.
std::string explain_text(const lint::Rule& rule);

}  // namespace dpslint::cli
