#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "lint_options.hpp"
#include "validation_options.hpp"

namespace dpslint::cli {

// `dpslint lint`: audit an exported DPS snapshot, and device certificates, with the rule catalogue.
class LintCommand {
public:
    explicit LintCommand(CLI::App& app);

    bool selected() const { return command_->parsed(); }
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* command_;
    CommonOptions common_;
    LintOptions lint_;
    CiOutputOptions ci_;
    ValidationOptions validation_;  // --crl only
    std::string snapshot_;
    std::vector<std::string> presented_;
    std::vector<std::string> devices_;
};

}  // namespace dpslint::cli
