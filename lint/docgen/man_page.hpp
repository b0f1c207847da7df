#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli_model.hpp"

namespace dpslint::docgen {

struct IdTitle {
    std::string id;
    std::string title;
};

// Everything the man page says besides the command line itself, each from where the program
// keeps it: the exit statuses the commands return, the rule registry, the validator's checks and
// the example configuration `dpslint rules --example-config` prints.
struct ManPageInput {
    CliDoc cli;
    std::string version;
    std::vector<std::pair<int, std::string>> exit_statuses;
    std::vector<IdTitle> rules;
    std::vector<IdTitle> checks;
    std::string example_config;  // JSON text
    std::string doc_dir;         // where README.md and docs/rules.md are installed
};

// dpslint(1) in man(7) roff. Deterministic: no date, same input -> same bytes.
std::string man_page(const ManPageInput& input);

}  // namespace dpslint::docgen
