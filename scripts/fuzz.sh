#!/usr/bin/env bash
# Runs the fuzz targets of tests/fuzz/ under AddressSanitizer and UndefinedBehaviorSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...] [-- LIBFUZZER_OPTION...]
#
# Each TARGET (default: every tests/fuzz/*_fuzzer.cpp) runs for SECONDS (default 60) from its
# committed seed corpus with its dictionary; DPSLINT_FUZZ_RUNS=N also stops each after N
# executions (whichever comes first). Options after -- go to libFuzzer (e.g. -fork=2).
# Builds build-fuzz/ first (scripts/build-clang.sh at -O1; DPSLINT_CLANG_BUILD_DIR and
# DPSLINT_CLANG_FLAGS choose another build, as scripts/sanitize.sh does for its -O0 one).
#
# Inputs that reach new code go to build-fuzz/fuzz/corpus/TARGET/ (kept between runs; the
# committed corpus is only read). A crash, leak, timeout or backend disagreement stops the
# target and is written to build-fuzz/fuzz/artifacts/TARGET/: copy it to
# tests/fuzz/regressions/TARGET/ so the test suite replays it. Prints the executions and exec/s of
# each target; exits 1 when any target failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DPSLINT_CLANG_BUILD_DIR="${DPSLINT_CLANG_BUILD_DIR:-$root/build-fuzz}"
export DPSLINT_CLANG_FLAGS="${DPSLINT_CLANG_FLAGS:--O1 -g0}"
build="$DPSLINT_CLANG_BUILD_DIR"

seconds=60
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
  seconds="$1"
  shift
fi
targets=()
extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then
    shift
    extra=("$@")
    break
  fi
  targets+=("$1")
  shift
done
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/*_fuzzer.cpp; do
    name="$(basename "$source" _fuzzer.cpp)"
    targets+=("$name")
  done
fi
build_targets=()
for t in "${targets[@]}"; do
  if [ ! -f "$root/tests/fuzz/${t}_fuzzer.cpp" ]; then
    echo "fuzz: no target '$t' (tests/fuzz/${t}_fuzzer.cpp)" >&2
    exit 2
  fi
  build_targets+=("fuzz_$t")
done

"$root/scripts/setup.sh" --clang >/dev/null
"$root/scripts/build-clang.sh" --target "${build_targets[@]}" >/dev/null

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# Targets run side by side, one per core (DPSLINT_FUZZ_JOBS): each is one single-threaded process.
parallel="${DPSLINT_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"
work="$build/fuzz"

fuzz_target() {
  local t="$1"
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t"
  local args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
              "-artifact_prefix=$work/artifacts/$t/")
  if [ -f "$root/tests/fuzz/dict/$t.dict" ]; then
    args+=("-dict=$root/tests/fuzz/dict/$t.dict")
  fi
  if [ -n "${DPSLINT_FUZZ_RUNS:-}" ]; then
    args+=("-runs=$DPSLINT_FUZZ_RUNS")
  fi
  local log="$work/$t.log" result=ok
  "$build/tests/fuzz/fuzz_$t" "${args[@]}" ${extra[@]+"${extra[@]}"} "$work/corpus/$t" \
      "$root/tests/fuzz/corpus/$t" >"$log" 2>&1 || result=FAILED
  echo "$result" >"$work/$t.result"
}

mkdir -p "$work"
for t in "${targets[@]}"; do
  rm -f "$work/$t.result"
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
    wait -n || true
  done
  fuzz_target "$t" &
done
wait

failed=0
for t in "${targets[@]}"; do
  log="$work/$t.log"
  result="$(cat "$work/$t.result" 2>/dev/null || echo FAILED)"
  [ "$result" = ok ] || failed=1
  executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)"
  if [ -z "$executions" ]; then
    # -fork mode prints no final stats; its last status line has the count and the time.
    status="$(grep -a '^#[0-9]*: cov:' "$log" | tail -n 1)"
    executions="$(echo "$status" | sed -n 's/^#\([0-9]*\):.*/\1/p')"
    elapsed="$(echo "$status" | sed -n 's/.* time: \([0-9]*\)s.*/\1/p')"
    if [ -n "$executions" ] && [ -n "$elapsed" ] && [ "$elapsed" -gt 0 ]; then
      rate=$((executions / elapsed))
    fi
  fi
  printf 'fuzz %-18s %-6s %s executions, %s exec/s, peak RSS %s MB (log: %s)\n' "$t" "$result" \
    "${executions:-?}" "${rate:-?}" "${rss:-?}" "$log"
  if [ "$result" = FAILED ]; then
    tail -n 60 "$log" >&2
    echo "fuzz: failing inputs in $work/artifacts/$t/ (copy them to tests/fuzz/regressions/$t/)" >&2
  fi
done
exit "$failed"
