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

// `dpslint verify`: RFC 5280 path validation of device certificates against trust anchors.
class VerifyCommand : public Command {
public:
    explicit VerifyCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    CommonOptions common_;
    CiOutputOptions ci_;
    std::vector<std::string> trust_;
    std::vector<std::string> untrusted_;
    std::vector<std::string> leaves_;
    ValidationOptions validation_;
    int min_rsa_bits_ = 2048;
    bool allow_sha1_ = false;
    std::size_t max_depth_ = 8;
};

}  // namespace dpslint::cli
