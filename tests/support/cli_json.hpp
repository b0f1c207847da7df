#pragma once

// Runs the real dpslint and parses its JSON output, for CLI tests.

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace dpslint::test {

// `expected_exit` -1 accepts 0 and 1 (anything but a failed run, 2).
inline nlohmann::json run_dpslint_json(const std::vector<std::string>& args, int expected_exit,
                                       const std::string& cwd = {}) {
    const auto r = run_dpslint(args, cwd);
    INFO("stderr: " << r.err);
    if (expected_exit < 0) {
        REQUIRE(r.exit_code != 2);
    } else {
        REQUIRE(r.exit_code == expected_exit);
    }
    return nlohmann::json::parse(r.out);
}

}  // namespace dpslint::test
