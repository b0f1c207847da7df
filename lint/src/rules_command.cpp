#include "rules_command.hpp"

#include <optional>
#include <ostream>
#include <sstream>
#include <string>

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
    command_ = app.add_subcommand("explain", "Explain rules or validator checks");
    command_
        ->add_option("id", ids_,
                     "Rule or check ids, e.g. enrollment.ca-is-root chain.expired (each explained "
                     "in turn)")
        ->required()
        ->type_name("RULE_ID");
}

namespace {

// The explanation of one id, or nothing when no rule or check has it.
std::optional<std::string> explanation(const std::string& id) {
    if (const auto* rule = rules::find_rule(id))
        return explain_text(*rule);
    std::ostringstream out;
    if (const auto* check = find_chain_check(id)) {
        out << check->id << ": " << check->title << "\n\n  citation   " << check->citation
            << "\n\nA path validation check reported by `dpslint verify` and `dpslint simulate`.\n";
    } else if (const auto* profile = find_profile_check(id)) {
        out << profile->id << ": " << profile->title << "\n\n  citation   " << profile->citation
            << "\n\nAn RFC 5280 section 4 rule for issuing CAs; `dpslint verify --strict` makes "
               "it a path validation failure.\n";
    } else if (const auto* kind = find_finding_kind(id)) {
        out << kind->id << ": " << kind->explanation << "\n\n  severity   "
            << to_string(kind->severity) << "\n  citation   " << kind->citation << "\n";
    } else {
        return std::nullopt;
    }
    return out.str();
}

std::string unknown_id_error(const std::string& id) {
    std::string suggestions;
    const std::string prefix = id.substr(0, id.find('.'));
    for (const auto* rule : rules::registry()) {
        if (rule->metadata().id.rfind(prefix, 0) == 0) {
            suggestions += (suggestions.empty() ? "" : ", ") + rule->metadata().id;
        }
    }
    return "no rule or check " + quote_input(id)
           + (suggestions.empty() ? std::string(" (see `dpslint rules`)")
                                  : "; rules in that category: " + suggestions);
}

}  // namespace

// Every known id is explained, in the order given and separated by a blank line; an unknown one
// is an error line each and makes the exit status 2, so a typo in a script is never silent.
int ExplainCommand::run(const CommandStreams& io) const {
    int status = exit_ok;
    bool first = true;
    for (const std::string& id : ids_) {
        if (const auto text = explanation(id)) {
            io.out << (first ? "" : "\n") << *text;
            first = false;
        } else {
            print_error(io.err, unknown_id_error(id));
            status = exit_usage;
        }
    }
    return status;
}

}  // namespace dpslint::cli
