#!/usr/bin/env bash
# Configures and builds a clang build for scripts/sanitize.sh and scripts/fuzz.sh:
# AddressSanitizer + UndefinedBehaviorSanitizer on every target, the fuzz targets as libFuzzer
# binaries, into DPSLINT_CLANG_BUILD_DIR (default build-clang/) with DPSLINT_CLANG_FLAGS
# (default "-O0 -g0": compiling is then 2.5 times cheaper than at -O1, which is what CI pays for;
# fuzz.sh uses -O1 for speed; add -gline-tables-only for line numbers in reports).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_CLANG_BUILD_DIR:-$root/build-clang}"
flags="${DPSLINT_CLANG_FLAGS:--O0 -g0}"
generator=()
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/CMakeCache.txt" ]; then
  generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Sanitize \
    "-DCMAKE_CXX_FLAGS_SANITIZE=$flags" -DDPSLINT_SANITIZE=address,undefined -DDPSLINT_FUZZ=ON \
    -DDPSLINT_CHECK_PUBLIC_API=OFF \
    >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" "$@"
