#include "option_values.hpp"

namespace dpslint::cli {

namespace {

template <typename Visit>
void for_each_option(CLI::App& app, const std::string& path, Visit visit) {
    for (CLI::Option* option : app.get_options()) {
        if (option->nonpositional() && option->get_expected_max() > 0)
            visit(path, *option);
    }
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
        for_each_option(*command, path + (path.empty() ? "" : " ") + command->get_name(), visit);
}

}  // namespace

void one_value_per_occurrence(CLI::App& app) {
    for_each_option(app, "", [](const std::string&, CLI::Option& option) {
        // A vector option keeps every occurrence's one value (and `--help` no longer shows
        // "FILE ..." as if one occurrence took several).
        if (option.get_expected_max() > 1) {
            option.expected(1);
            option.multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        }
        option.allow_extra_args(false);
    });
    const std::string rule =
        "Every option takes one value per occurrence (repeat it for more: --trust a.pem --trust "
        "b.pem; --opt=VALUE works too); every other argument is an input, before or after the "
        "options.";
    app.footer(rule);
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
        command->footer(rule);
}

std::vector<std::string> options_taking_several_values(CLI::App& app) {
    std::vector<std::string> out;
    for_each_option(app, "", [&](const std::string& path, CLI::Option& option) {
        // With extra arguments allowed, CLI11 keeps taking values up to the expected maximum.
        if (option.get_allow_extra_args() || option.get_type_size_max() > 1
            || option.get_expected_max() > 1)
            out.push_back(path + " " + option.get_name());
    });
    return out;
}

}  // namespace dpslint::cli
