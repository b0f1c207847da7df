#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "common_options.hpp"

namespace dpslint::cli {

// `dpslint forecast`: when devices stop provisioning as their certificates expire.
class ForecastCommand : public Command {
public:
    explicit ForecastCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    CommonOptions common_;  // --from (as --at) and --backend
    std::string snapshot_;
    std::string until_;
    std::string format_ = "text";
    std::vector<std::string> devices_;
};

}  // namespace dpslint::cli
