#include "rules_output.hpp"

#include <algorithm>
#include <ostream>
#include <string>

#include "rule_docs.hpp"

namespace dpslint::cli {

nlohmann::json rule_listing_json(const RuleListing& listing) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto* r : *listing.rules)
        list.push_back(rule_json(*r));
    return nlohmann::json{{"rules", list}};
}

void print_rule_listing_text(const RuleListing& listing, std::ostream& out, const TextStyle&) {
    const auto& rules = *listing.rules;
    for (const auto* r : rules) {
        const auto& m = r->metadata();
        std::string id = m.id;
        id.resize(std::max<std::size_t>(id.size() + 1, 40), ' ');
        std::string severity(m.context_severities.empty() ? to_string(m.severity)
                                                          : std::string_view("varies"));
        severity.resize(8, ' ');
        const bool diff = lint::checked_by_diff(m);
        out << id << severity << m.title << (m.enabled_by_default ? "" : " (off by default)")
            << (diff ? " (dpslint diff)" : "") << '\n';
        if (!m.context_severities.empty()) {
            out << std::string(id.size() + severity.size(), ' ') << lint::severities_text(m)
                << " by case: " << m.severity_context << '\n';
        }
    }
    out << rules.size() << " rules; `dpslint explain <id>` for details\n";
}

}  // namespace dpslint::cli
