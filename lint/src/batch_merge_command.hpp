#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "common_options.hpp"
#include "lint_options.hpp"

namespace dpslint::cli {

// `dpslint batch-merge`: joins the JSON Lines reports of `batch --shard K/N` runs into the report
// one unsharded run would have written, and runs the cross-batch rules over the whole.
class BatchMergeCommand : public Command {
public:
    explicit BatchMergeCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    int merge(const CommandStreams& io) const;

    CommonOptions common_;
    LintOptions lint_;
    CiOutputOptions ci_;
    std::vector<std::string> reports_;
    std::string report_;
};

}  // namespace dpslint::cli
