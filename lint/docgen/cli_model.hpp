#pragma once

#include <string>
#include <vector>

// CLI11 is only needed to read an App (cli_model.cpp); the renderers see plain data.
namespace CLI {
class App;
}  // namespace CLI

namespace dpslint::docgen {

// What completion offers for an option's value or a positional argument.
enum class ValueKind {
    none,           // a flag: no value
    text,           // free text: nothing to offer
    file,           // a path: the shell's file completion
    choice,         // one of `choices`
    rule,           // a rule id (--enable, --disable)
    rule_or_check,  // a rule id or a path validation check id (explain)
};

// One option or positional argument of a command, as CLI11 knows it.
struct ArgumentDoc {
    std::vector<std::string> names;  // "-h", "--help"; empty for a positional
    std::string value_name;          // "FILE", "RULE", "LEAF_FILE", "TEXT"; empty for a flag
    ValueKind kind = ValueKind::none;
    std::vector<std::string> choices;
    std::vector<std::string> constraints;  // validators other than choices: "INT in [1 - 64]"
    std::string default_value;
    std::string description;
    std::vector<std::string> needs;     // options this one requires
    std::vector<std::string> excludes;  // options it cannot be combined with
    bool required = false;
    bool repeatable = false;  // an option given again adds a value; a positional takes many
};

struct CommandDoc {
    std::string name;  // empty for the program itself
    std::string description;
    std::vector<ArgumentDoc> options;
    std::vector<ArgumentDoc> positionals;
    std::string footer;
};

struct CliDoc {
    CommandDoc program;
    std::vector<CommandDoc> commands;
};

// Walks a configured App (dpslint::cli::configure_app + Commands): every command, option and
// positional in definition order. The same objects parse the command line, so whatever is added
// there appears in the man page and the completions. Only reads `app` (CLI11's getters are not
// all const).
CliDoc describe_cli(CLI::App& app);

}  // namespace dpslint::docgen
