#!/usr/bin/env bash
# Quick-start command 2, and all of CI (.ci/run runs exactly this): install what is missing,
# then build and test in two builds, each compiling only what the other cannot stand in for.
#
#  1. The release build (g++ 12, -O2, build/ or $DPSLINT_BUILD_DIR): what is shipped — the
#     libraries, the CLI, man page and completions — and the public API checks (every installed
#     header compiles alone, the libraries export only the public API).
#  2. The sanitizer stage (scripts/sanitize.sh; clang 14, AddressSanitizer and
#     UndefinedBehaviorSanitizer, -O0, build-clang/): the libraries, CLI, test suite and fuzz
#     targets; the whole suite runs there, then a few seconds of fuzzing per target.
#  3. The hostile-input tests again, holding the release dpslint to their time and memory bounds
#     (sanitizers multiply both, so the sanitized run checks everything else).
#  4. The release build installed and packaged (scripts/test-install.sh, scripts/test-package.sh),
#     compiling nothing of dpslint again.
#
# Arguments go to the suite's ctest (e.g. -R lint). DPSLINT_FUZZ_SECONDS (default 5; 0 skips)
# sets the fuzzing time per target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
export DPSLINT_CLANG_BUILD_DIR="${DPSLINT_CLANG_BUILD_DIR:-$root/build-clang}"
jobs="$(nproc 2>/dev/null || echo 2)"
start=$SECONDS
stage() { echo "test: $* (at $((SECONDS - start)) s)"; }

"$root/scripts/setup.sh" --clang

stage "release build"
"$root/scripts/build.sh" --target dpslint_shipped
(cd "$build" && ctest --output-on-failure -j "$jobs" -L public-api)

stage "sanitizer stage"
"$root/scripts/sanitize.sh" "${DPSLINT_FUZZ_SECONDS:-5}" "$@"

stage "resource bounds of the release dpslint"
DPSLINT_TEST_BINARY="$build/lint/dpslint" "$DPSLINT_CLANG_BUILD_DIR/tests/dpslint_tests" \
    "[hostile]" --reporter compact

stage "install and package"
"$root/scripts/test-install.sh"
"$root/scripts/test-package.sh"
stage "done"
