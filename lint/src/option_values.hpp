#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace dpslint::cli {

// CLI11 2.1 lets an option bound to a vector take every argument that follows it, `--opt=VALUE`
// included: `verify --trust root.pem a.pem b.pem` made a.pem a trust anchor and checked only
// b.pem, and `lint --presented int.pem d1.pem d2.pem` checked no device. Every option of `app`
// and of its commands is made to take exactly one value per occurrence (repeat the flag for
// more), so every argument after it that is not an option is an input. `--help` says so.
void one_value_per_occurrence(CLI::App& app);

// "verify --trust" for every option of `app` or its commands that could still take more than one
// value per occurrence; empty when none can (tests/unit/cli_options_test.cpp).
std::vector<std::string> options_taking_several_values(CLI::App& app);

}  // namespace dpslint::cli
