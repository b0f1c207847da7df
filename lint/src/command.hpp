#pragma once

#include <iosfwd>
#include <stdexcept>

#include <CLI/CLI.hpp>

namespace dpslint::cli {

// The streams a command reads and writes: standard input (batch reads paths from it), the
// report, and one line per problem.
struct CommandStreams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

// A problem that stops a command before it writes its report and that is not about a place in
// one input (those are InputError): shown as one line, exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What every dpslint command is: options registered on its CLI11 subcommand, then one run that
// loads its inputs, computes a result model and renders it through its reporter
// (render.hpp). An input that cannot be used is thrown as InputError (or UsageError) and
// reported once, by the caller (app.cpp), as one line and exit status 2; nothing is written to
// `out` before the inputs are loaded.
class Command {
public:
    Command() = default;
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;
    virtual ~Command() = default;

    bool selected() const { return command_->parsed(); }
    virtual int run(const CommandStreams& io) const = 0;

protected:
    CLI::App* command_ = nullptr;
};

}  // namespace dpslint::cli
