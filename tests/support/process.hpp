#pragma once

#include <string>
#include <vector>

namespace dpslint::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

// Runs `argv` (argv[0] is a path) with `cwd` as working directory and optional stdin text,
// capturing stdout and stderr. No shell is involved.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = {},
                          const std::string& stdin_text = {},
                          const std::vector<std::string>& extra_env = {});

// Runs the dpslint binary built alongside the tests.
ProcessResult run_dpslint(const std::vector<std::string>& args, const std::string& cwd = {},
                          const std::string& stdin_text = {});

}  // namespace dpslint::test
