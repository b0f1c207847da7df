#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "common_options.hpp"
#include "lint_options.hpp"

namespace dpslint::cli {

// `dpslint diff`: what a change of the DPS configuration does, entity by entity and to every
// device given: the plan before a deployment.
class DiffCommand : public Command {
public:
    explicit DiffCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    CommonOptions common_;
    LintOptions lint_;
    CiOutputOptions ci_;
    std::string before_;
    std::string after_;
    std::vector<std::string> presented_;
    std::vector<std::string> devices_from_;
    std::vector<std::string> expect_loss_;
    unsigned jobs_ = 0;
    std::vector<std::string> devices_;
};

}  // namespace dpslint::cli
