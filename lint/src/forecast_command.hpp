#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"

namespace dpslint::cli {

// `dpslint forecast`: when devices stop provisioning as their certificates expire.
class ForecastCommand {
public:
    explicit ForecastCommand(CLI::App& app);

    bool selected() const { return command_->parsed(); }
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* command_;
    CommonOptions common_;  // --from (as --at) and --backend
    std::string snapshot_;
    std::string until_;
    std::string format_ = "text";
    std::vector<std::string> devices_;
};

}  // namespace dpslint::cli
