#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "common_options.hpp"
#include "lint_options.hpp"
#include "lint_report_output.hpp"
#include "validation_options.hpp"

namespace dpslint::cli {

// `dpslint lint`: audit an exported DPS snapshot, and device certificates, with the rule catalogue.
class LintCommand : public Command {
public:
    explicit LintCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    LintRunInfo run_info(const LintOptions::Resolved& settings, const CryptoBackend& backend,
                         const Snapshot& snapshot, std::size_t presented,
                         const RevocationInputs* revocation) const;

    CommonOptions common_;
    LintOptions lint_;
    CiOutputOptions ci_;
    ValidationOptions validation_;  // --crl only
    std::string snapshot_;
    std::vector<std::string> presented_;
    std::vector<std::string> devices_;
};

}  // namespace dpslint::cli
