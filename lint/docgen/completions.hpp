#pragma once

#include <string>
#include <vector>

#include "cli_model.hpp"

namespace dpslint::docgen {

// What the completions offer besides the command line itself.
struct CompletionIds {
    std::vector<std::string> rules;   // rule ids: --enable, --disable, explain
    std::vector<std::string> checks;  // path validation check ids: explain
};

// A bash completion script (`complete -F _dpslint dpslint`) that needs nothing but bash: commands,
// each command's options, the choices of an option, rule ids for RULE values, check ids too for
// RULE_ID, and the shell's file completion for paths.
std::string bash_completion(const CliDoc& cli, const CompletionIds& ids);

// The same for zsh (`#compdef dpslint`, _arguments per command).
std::string zsh_completion(const CliDoc& cli, const CompletionIds& ids);

}  // namespace dpslint::docgen
