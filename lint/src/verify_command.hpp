#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "validation_options.hpp"

namespace dpslint::cli {

// `dpslint verify`: RFC 5280 path validation of device certificates against trust anchors.
class VerifyCommand {
public:
    explicit VerifyCommand(CLI::App& app);

    bool selected() const { return command_->parsed(); }
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* command_;
    CommonOptions common_;
    std::vector<std::string> trust_;
    std::vector<std::string> untrusted_;
    std::vector<std::string> leaves_;
    ValidationOptions validation_;
    int min_rsa_bits_ = 2048;
    bool allow_sha1_ = false;
    std::size_t max_depth_ = 8;
};

}  // namespace dpslint::cli
