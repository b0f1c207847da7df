#pragma once

#include <iosfwd>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/lint/rule.hpp"

#include "render.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

// What `rules` lists: the catalogue.
struct RuleListing {
    const std::vector<const lint::Rule*>* rules = nullptr;
};

// {"rules": [rule_json ...]}
nlohmann::json rule_listing_json(const RuleListing& listing);
// One line per rule: id, severity, title; then the count.
void print_rule_listing_text(const RuleListing& listing, std::ostream& out, const TextStyle& style);

inline constexpr Reporter<RuleListing> rules_reporter{rule_listing_json, print_rule_listing_text};

}  // namespace dpslint::cli
