#include "cli_model.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>

namespace dpslint::docgen {

namespace {

// CLI11 shows validators after the type, "TEXT:{text,json}"; the part before the first ':' is
// the type name the command gave.
std::string base_type_name(const CLI::Option& option) {
    const std::string full = option.get_type_name();
    return full.substr(0, full.find(':'));
}

// The completion of a value follows from its type name: the commands name every path FILE,
// PATH, INPUT, REPORT or *_FILE, and every rule pattern RULE (RULE_ID: a rule or a check).
ValueKind kind_of(const std::string& type_name, bool has_choices) {
    if (has_choices)
        return ValueKind::choice;
    if (type_name == "RULE")
        return ValueKind::rule;
    if (type_name == "RULE_ID")
        return ValueKind::rule_or_check;
    if (type_name == "FILE" || type_name == "PATH" || type_name == "INPUT" || type_name == "REPORT"
        || type_name.ends_with("_FILE"))
        return ValueKind::file;
    return ValueKind::text;
}

std::vector<std::string> sorted_names(const std::set<CLI::Option*>& options) {
    std::vector<std::string> names;
    for (const CLI::Option* option : options)
        names.push_back(option->get_name());
    std::sort(names.begin(), names.end());
    return names;
}

// CLI11 2.1 can only look validators up by index and throws past the last one.
std::vector<std::string> validator_descriptions(CLI::Option& option) {
    std::vector<std::string> out;
    for (int i = 0;; ++i) {
        try {
            out.push_back(option.get_validator(i)->get_description());
        } catch (const CLI::OptionNotFound&) {
            return out;
        }
    }
}

ArgumentDoc describe_argument(CLI::Option& option) {
    ArgumentDoc doc;
    for (const auto& name : option.get_snames())
        doc.names.push_back("-" + name);
    for (const auto& name : option.get_lnames())
        doc.names.push_back("--" + name);
    doc.description = option.get_description();
    doc.required = option.get_required();
    doc.default_value = option.get_default_str();
    doc.needs = sorted_names(option.get_needs());
    doc.excludes = sorted_names(option.get_excludes());
    if (option.get_items_expected_max() == 0)
        return doc;  // a flag
    doc.value_name = base_type_name(option);
    doc.repeatable = option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll
                     || option.get_expected_max() > 1;
    for (const std::string& text : validator_descriptions(option)) {
        if (text.size() > 2 && text.front() == '{' && text.back() == '}') {
            const std::string list = text.substr(1, text.size() - 2);
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t comma = std::min(list.find(',', start), list.size());
                doc.choices.push_back(list.substr(start, comma - start));
                start = comma + 1;
            }
        } else if (!text.empty()) {
            doc.constraints.push_back(text);
        }
    }
    doc.kind = kind_of(doc.value_name, !doc.choices.empty());
    return doc;
}

CommandDoc describe_command(CLI::App& app) {
    CommandDoc doc;
    doc.name = app.get_name();
    doc.description = app.get_description();
    doc.footer = app.get_footer();
    for (CLI::Option* option : app.get_options()) {
        ArgumentDoc argument = describe_argument(*option);
        if (option->nonpositional()) {
            doc.options.push_back(std::move(argument));
        } else {
            argument.repeatable = option->get_expected_max() > 1;
            doc.positionals.push_back(std::move(argument));
        }
    }
    return doc;
}

}  // namespace

CliDoc describe_cli(CLI::App& app) {
    CliDoc doc;
    doc.program = describe_command(app);
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
        doc.commands.push_back(describe_command(*command));
    return doc;
}

}  // namespace dpslint::docgen
