#pragma once

// What every rule file needs, so rule files stay short.

#include <memory>
#include <string>

#include "dpslint/citations.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/rule.hpp"

namespace dpslint::rules {

using lint::DeviceContext;
using lint::FindingSink;
using lint::InputPart;
using lint::LintContext;
using lint::OptionType;
using lint::RuleMetadata;
using lint::RuleOption;
using lint::RuleOptions;
using lint::Target;

// Whole days from `from` to `to` (negative when `to` is earlier), rounded toward zero.
long long days_between(TimePoint from, TimePoint to);

// "2031-01-01" for messages.
std::string format_date(TimePoint t);

}  // namespace dpslint::rules
