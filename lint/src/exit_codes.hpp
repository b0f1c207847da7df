#pragma once

namespace dpslint::cli {

// The contract every dpslint command keeps (README "Exit status").
inline constexpr int exit_ok = 0;        // nothing at or above the fail level
inline constexpr int exit_findings = 1;  // something at or above the fail level
inline constexpr int exit_usage = 2;     // the run could not be done: usage, unreadable/bad input

}  // namespace dpslint::cli
