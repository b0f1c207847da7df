#pragma once

#include <string_view>

namespace dpslint::cli {

// The contract every dpslint command keeps (README "Exit status").
inline constexpr int exit_ok = 0;        // nothing at or above the fail level
inline constexpr int exit_findings = 1;  // something at or above the fail level
inline constexpr int exit_usage = 2;     // the run could not be done: usage, unreadable/bad input

// The same contract as text, for `dpslint --help` and the man page.
struct ExitStatus {
    int code;
    std::string_view meaning;
};
inline constexpr ExitStatus exit_statuses[] = {
    {exit_ok,
     "nothing at or above the fail level (verify: every leaf has a valid path; simulate: every "
     "device provisions)"},
    {exit_findings,
     "something at or above the fail level (--fail-on error|warning|notice|never, default "
     "error)"},
    {exit_usage,
     "the run itself could not be done: usage error, unreadable or malformed input (one line on "
     "stderr names the file and the place)"},
};

}  // namespace dpslint::cli
