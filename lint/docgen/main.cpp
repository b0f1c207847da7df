// dpslint-docgen: writes dpslint(1) and the bash and zsh completions from the App `dpslint`
// parses its command line with, the rule registry and the validator's checks, so they cannot
// drift from the program. Run by the build (cmake/DpslintDocs.cmake); not installed.
//
//   dpslint-docgen man DOC_DIR OUTPUT | bash OUTPUT | zsh OUTPUT     (OUTPUT "-": stdout)

#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "dpslint/chain_checks.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/version.hpp"

#include "app.hpp"
#include "cli_model.hpp"
#include "completions.hpp"
#include "dpslint_rules/registry.hpp"
#include "exit_codes.hpp"
#include "man_page.hpp"

namespace {

using namespace dpslint;

docgen::CompletionIds completion_ids() {
    docgen::CompletionIds ids;
    for (const auto* rule : rules::registry())
        ids.rules.push_back(rule->metadata().id);
    for (const auto& check : chain_checks())
        ids.checks.emplace_back(check.id);
    return ids;
}

docgen::ManPageInput man_input(docgen::CliDoc cli, std::string doc_dir) {
    docgen::ManPageInput input;
    input.cli = std::move(cli);
    input.version = DPSLINT_VERSION_STRING;
    for (const auto& status : cli::exit_statuses)
        input.exit_statuses.emplace_back(status.code, std::string(status.meaning));
    for (const auto* rule : rules::registry())
        input.rules.push_back({rule->metadata().id, rule->metadata().title});
    for (const auto& check : chain_checks())
        input.checks.push_back({std::string(check.id), std::string(check.title)});
    input.example_config = lint::example_config(rules::registry()).dump(2);
    input.doc_dir = std::move(doc_dir);
    return input;
}

int usage() {
    std::cerr << "usage: dpslint-docgen man DOC_DIR OUTPUT | bash OUTPUT | zsh OUTPUT\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return usage();
    CLI::App app;
    cli::configure_app(app);
    const cli::Commands commands(app);
    docgen::CliDoc doc = docgen::describe_cli(app);

    std::string text;
    std::string output;
    try {
        if (args[0] == "man" && args.size() == 3) {
            text = docgen::man_page(man_input(std::move(doc), args[1]));
            output = args[2];
        } else if (args[0] == "bash" && args.size() == 2) {
            text = docgen::bash_completion(doc, completion_ids());
            output = args[1];
        } else if (args[0] == "zsh" && args.size() == 2) {
            text = docgen::zsh_completion(doc, completion_ids());
            output = args[1];
        } else {
            return usage();
        }
    } catch (const std::exception& e) {
        std::cerr << "dpslint-docgen: " << e.what() << '\n';
        return 1;
    }
    if (output == "-") {
        std::cout << text;
        return std::cout.flush() ? 0 : 1;
    }
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file << text;
    if (!file.flush()) {
        std::cerr << "dpslint-docgen: cannot write " << output << '\n';
        return 1;
    }
    return 0;
}
