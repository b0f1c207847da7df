#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "common_options.hpp"
#include "lint_options.hpp"
#include "validation_options.hpp"

namespace dpslint::cli {

// `dpslint simulate`: what DPS would decide for each device, from an exported snapshot.
class SimulateCommand : public Command {
public:
    explicit SimulateCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    CommonOptions common_;
    CiOutputOptions ci_;
    ValidationOptions validation_;  // --crl only
    std::string snapshot_;
    std::vector<std::string> presented_;
    std::vector<std::string> devices_;
};

}  // namespace dpslint::cli
