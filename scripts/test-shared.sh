#!/usr/bin/env bash
# The shared-library variant, which CI does not build (it would compile everything a second time,
# with -fPIC): configures build-shared/ (or $DPSLINT_SHARED_BUILD_DIR) with
# -DBUILD_SHARED_LIBS=ON, builds, runs the whole CTest suite against libdpslint_core.so and
# libdpslint_rules.so, checks their SONAME and that their dynamic symbol table holds public API
# only, then runs scripts/test-install.sh on that build (the installed dpslint finds its libraries
# through its $ORIGIN RPATH; the example links the shared libraries through find_package and
# through pkg-config).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_SHARED_BUILD_DIR:-$root/build-shared}"
generator=()
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/CMakeCache.txt" ]; then
  generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" -DBUILD_SHARED_LIBS=ON -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"
(cd "$build" && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)")

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
soversion="$(cut -d. -f1-2 <<<"$version")"
for part in core rules; do
  library="$(find "$build" -name "libdpslint_$part.so.$version" | head -n 1)"
  [ -n "$library" ] || { echo "test-shared: no libdpslint_$part.so.$version" >&2; exit 1; }
  soname="$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
  [ "$soname" = "libdpslint_$part.so.$soversion" ] ||
    { echo "test-shared: $library has SONAME '$soname'" >&2; exit 1; }
  "$root/tests/public_api/check-exports.sh" "$part" "$library"
done
ldd "$build/lint/dpslint" | grep -q 'libdpslint_core\.so' ||
  { echo "test-shared: dpslint is not linked against libdpslint_core.so" >&2; exit 1; }
DPSLINT_BUILD_DIR="$build" "$root/scripts/test-install.sh"
echo "test-shared: the shared libraries work"
