#include "rules_command.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

#include "dpslint/chain_checks.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/profile.hpp"

#include "dpslint_rules/registry.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"
#include "render.hpp"
#include "rule_docs.hpp"
#include "rules_output.hpp"

namespace dpslint::cli {

RulesCommand::RulesCommand(CLI::App& app) {
    command_ = app.add_subcommand("rules", "List the lint rules");
    command_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    command_->add_flag("--example-config", example_config_,
                       "Print a complete .dpslint.json with every option and its default");
}

int RulesCommand::run(const CommandStreams& io) const {
    std::ostream& out = io.out;
    const auto& rules = rules::registry();
    if (example_config_) {
        write_json(out, lint::example_config(rules));
        return exit_ok;
    }
    // Markdown is the generated docs/rules.md, not a report format.
    if (format_ == "markdown") {
        out << rules_markdown(rules);
    } else {
        render(format_ == "json" ? OutputFormat::json : OutputFormat::text, rules_reporter,
               RuleListing{&rules}, out);
    }
    return exit_ok;
}

ExplainCommand::ExplainCommand(CLI::App& app) {
    command_ = app.add_subcommand("explain", "Explain one rule or validator check");
    command_->add_option("id", id_, "Rule or check id, e.g. enrollment.ca-is-root, chain.expired")
        ->required()
        ->type_name("RULE_ID");
}

int ExplainCommand::run(const CommandStreams& io) const {
    std::ostream& out = io.out;
    if (const auto* rule = rules::find_rule(id_)) {
        out << explain_text(*rule);
        return exit_ok;
    }
    if (const auto* check = find_chain_check(id_)) {
        out << check->id << ": " << check->title << "\n\n  citation   " << check->citation
            << "\n\nA path validation check reported by `dpslint verify` and `dpslint simulate`.\n";
        return exit_ok;
    }
    if (const auto* check = find_profile_check(id_)) {
        out << check->id << ": " << check->title << "\n\n  citation   " << check->citation
            << "\n\nAn RFC 5280 section 4 rule for issuing CAs; `dpslint verify --strict` makes "
               "it a path validation failure.\n";
        return exit_ok;
    }
    if (const auto* kind = find_finding_kind(id_)) {
        out << kind->id << ": " << kind->explanation << "\n\n  severity   "
            << to_string(kind->severity) << "\n  citation   " << kind->citation << "\n";
        return exit_ok;
    }
    std::string suggestions;
    const std::string prefix = id_.substr(0, id_.find('.'));
    for (const auto* rule : rules::registry()) {
        if (rule->metadata().id.rfind(prefix, 0) == 0) {
            suggestions += (suggestions.empty() ? "" : ", ") + rule->metadata().id;
        }
    }
    print_error(io.err, "no rule or check " + quote_input(id_)
                            + (suggestions.empty() ? std::string(" (see `dpslint rules`)")
                                                   : "; rules in that category: " + suggestions));
    return exit_usage;
}

}  // namespace dpslint::cli
