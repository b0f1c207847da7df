#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dpslint::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;  // the first max_captured_bytes of each stream
    std::string err;
    std::uint64_t out_bytes = 0;  // everything written, captured or not
    bool timed_out = false;       // killed (SIGKILL) at the deadline
    long max_rss_kb = 0;          // the child's peak resident set (wait4)
    double seconds = 0;           // wall time from start to exit
};

// Of each output stream, what a result keeps: a runaway child cannot exhaust the test's memory.
inline constexpr std::size_t max_captured_bytes = 64u << 20;

// Runs `argv` (argv[0] is a path) with `cwd` as working directory and optional stdin text,
// capturing stdout and stderr. No shell is involved. With `timeout_seconds` > 0 the child is
// killed when it runs longer.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = {},
                          const std::string& stdin_text = {},
                          const std::vector<std::string>& extra_env = {},
                          double timeout_seconds = 0);

// Runs the dpslint binary under test (support/resource_bounds.hpp), measuring its own peak RSS.
ProcessResult run_dpslint(const std::vector<std::string>& args, const std::string& cwd = {},
                          const std::string& stdin_text = {}, double timeout_seconds = 0);

}  // namespace dpslint::test
