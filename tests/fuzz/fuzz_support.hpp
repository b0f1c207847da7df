#pragma once

// What the fuzz targets share: a scratch directory of their own, the committed test data, and
// the dpslint command line run in-process with the checks every run must pass whatever the
// input.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dpslint::fuzz {

// A directory of this process's own under $TMPDIR (removed at exit), so that parallel fuzzing
// jobs do not share files.
const std::filesystem::path& scratch();

// Writes `data` to scratch()/name and returns the path.
std::filesystem::path write_input(std::string_view name, const std::uint8_t* data,
                                  std::size_t size);
std::filesystem::path write_input(std::string_view name, std::string_view text);

// A committed test data file or directory ("pki/ca/root.pem").
std::string testdata(std::string_view relative);

struct CliResult {
    int status = 0;
    std::string out;
    std::string err;
};

// Runs `dpslint args...` in-process and aborts, printing the command, when a run breaks a promise
// that holds for any input: the exit status is 0, 1 or 2; no exception reaches the top level
// ("internal error"); a status of 2 comes with a message on stderr; JSON output (`json_output`)
// parses.
CliResult run_cli(const std::vector<std::string>& args, bool json_output);

// Aborts with `what` when each non-empty line of `text` is not one JSON value (a JSON Lines
// report).
void check_json_lines(std::string_view text, std::string_view what);

// `lint` with every rule enabled, of a few demo devices against `snapshot`, in every --format and
// on both backends; `lint_config` (empty: none) is its --config.
void lint(const std::string& snapshot, const std::string& lint_config = {});
// `lint` as above and `simulate` of the same devices, in every --format and on both backends.
void lint_and_simulate(const std::string& snapshot);

// Reads a whole file (empty when it does not exist).
std::string read_text(const std::filesystem::path& path);

}  // namespace dpslint::fuzz
