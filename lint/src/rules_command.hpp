#pragma once

#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

namespace dpslint::cli {

// `dpslint rules`: the catalogue as text, JSON or Markdown, or an example configuration.
class RulesCommand {
public:
    explicit RulesCommand(CLI::App& app);

    bool selected() const { return command_->parsed(); }
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* command_;
    std::string format_ = "text";
    bool example_config_ = false;
};

// `dpslint explain RULE_ID`: rationale, citation, fix, options and an example of one rule or
// validator check.
class ExplainCommand {
public:
    explicit ExplainCommand(CLI::App& app);

    bool selected() const { return command_->parsed(); }
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* command_;
    std::string id_;
};

}  // namespace dpslint::cli
