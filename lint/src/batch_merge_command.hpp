#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "lint_options.hpp"

namespace dpslint::cli {

// `dpslint batch-merge`: joins the JSON Lines reports of `batch --shard K/N` runs into the report
// one unsharded run would have written, and runs the cross-batch rules over the whole.
class BatchMergeCommand {
public:
    explicit BatchMergeCommand(CLI::App& app);

    bool selected() const { return command_->parsed(); }
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* command_;
    CommonOptions common_;
    LintOptions lint_;
    std::vector<std::string> reports_;
    std::string report_;
};

}  // namespace dpslint::cli
