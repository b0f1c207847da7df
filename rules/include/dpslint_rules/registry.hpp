#pragma once

#include <vector>

#include "dpslint/export.hpp"
#include "dpslint/lint/rule.hpp"

DPSLINT_API_BEGIN
namespace dpslint::rules {

// Every lint rule, sorted by id. Built on first use and never changed afterwards.
const std::vector<const lint::Rule*>& registry();

// The rule with this id, or null.
const lint::Rule* find_rule(std::string_view id);

}  // namespace dpslint::rules
DPSLINT_API_END
