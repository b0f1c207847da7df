#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"

namespace dpslint::cli {

// `dpslint rules`: the catalogue as text, JSON or Markdown, or an example configuration.
class RulesCommand : public Command {
public:
    explicit RulesCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    std::string format_ = "text";
    bool example_config_ = false;
};

// `dpslint explain RULE_ID`: rationale, citation, fix, options and an example of one rule or
// validator check.
class ExplainCommand : public Command {
public:
    explicit ExplainCommand(CLI::App& app);

    int run(const CommandStreams& io) const override;

private:
    std::vector<std::string> ids_;
};

}  // namespace dpslint::cli
