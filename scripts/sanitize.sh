#!/usr/bin/env bash
# The sanitizer stage of scripts/test.sh (and so of CI): one clang build with AddressSanitizer
# and UndefinedBehaviorSanitizer and the fuzz targets as libFuzzer binaries, the whole test suite
# on it, then a short fuzz run of every target.
#
#   scripts/sanitize.sh [FUZZ_SECONDS [CTEST_ARGUMENT...]]
#                       (default 5 seconds per target; 0 skips fuzzing)
#
# One build serves the suite and the fuzzing: build-clang/ (DPSLINT_CLANG_BUILD_DIR) at -O0
# (DPSLINT_CLANG_FLAGS), the cheapest to compile; each stage prints its time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DPSLINT_CLANG_BUILD_DIR="${DPSLINT_CLANG_BUILD_DIR:-$root/build-clang}"
export DPSLINT_CLANG_FLAGS="${DPSLINT_CLANG_FLAGS:--O0 -g0}"
build="$DPSLINT_CLANG_BUILD_DIR"
seconds="${1:-5}"
shift || true

"$root/scripts/setup.sh" --clang
start=$(date +%s)
"$root/scripts/build-clang.sh"
built=$(date +%s)
echo "sanitize: build $((built - start)) s"

(cd "$build" && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@")
tested=$(date +%s)
echo "sanitize: test suite $((tested - built)) s"

if [ "$seconds" != 0 ]; then
  "$root/scripts/fuzz.sh" "$seconds"
  echo "sanitize: fuzz smoke $(($(date +%s) - tested)) s"
fi
