#!/usr/bin/env bash
# The install stage of scripts/test.sh, on an already built tree (nothing of dpslint is compiled
# again): `cmake --install` into a temporary prefix, every installed part present, the installed
# dpslint runs, and examples/ is built and run against that installed tree twice, through
# find_package(dpslint) and through pkg-config. Then scripts/test-package.sh does the same for the
# Debian package.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
start=$SECONDS

work="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

step() { echo "test-install: $*"; }
fail() {
  echo "test-install: FAILED: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
version="$(sed -n 's/^#define DPSLINT_VERSION_STRING "\(.*\)"$/\1/p' "$prefix/include/dpslint/version.hpp")"
step "installed dpslint $version into a temporary prefix"

# The parts of the installed tree, whatever CMAKE_INSTALL_LIBDIR is.
libdir="$(dirname "$(find "$prefix" -name dpslint.pc -path '*/pkgconfig/*' | head -n 1)")"
libdir="${libdir%/pkgconfig}"
if [ -z "$libdir" ] || [ ! -d "$libdir" ]; then
  fail "no pkgconfig/dpslint.pc installed"
fi
missing=0
while read -r file; do
  [ -e "$prefix/$file" ] || {
    echo "test-install: not installed: $file" >&2
    missing=1
  }
done < <("$root/scripts/installed-files.sh" "$build" "${libdir#"$prefix"/}")
[ "$missing" -eq 0 ] || fail "the installed tree is incomplete"

"$prefix/bin/dpslint" --version >"$work/version.txt" || fail "installed dpslint --version"
grep -q "^dpslint $version\$" "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"

# The example against the installed tree. A small program: one compile per build, cached by
# ccache when it is installed.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
generator=()
if command -v ninja >/dev/null 2>&1; then
  generator=(-G Ninja)
fi
run_example() {
  local name="$1"
  shift
  cmake -S "$root/examples" -B "$work/example-$name" "${generator[@]}" "${launcher[@]}" \
      -DCMAKE_BUILD_TYPE=Release "$@" >"$work/example-$name.log" ||
    fail "configuring the example ($name): $(cat "$work/example-$name.log")"
  cmake --build "$work/example-$name" >>"$work/example-$name.log" ||
    fail "building the example ($name): $(cat "$work/example-$name.log")"
  local status=0
  "$work/example-$name/check_device" "$root/testdata/demo/ca/my-root-ca.pem" \
      "$root/testdata/demo/devices/device-1.pem" "$root/testdata/demo/snapshot" \
      2026-12-01T00:00:00Z >"$work/example-$name.out" 2>&1 || status=$?
  [ "$status" -eq 0 ] || fail "example ($name) exited $status: $(cat "$work/example-$name.out")"
  if ! grep -q "chain valid" "$work/example-$name.out" ||
     ! grep -q "^DPS decision: provisioned (200)" "$work/example-$name.out"; then
    fail "example ($name) output: $(cat "$work/example-$name.out")"
  fi
  step "example built with $name against the installed tree: $(grep '^DPS decision' "$work/example-$name.out")"
}
# Both builds at once (one compile each). Only the temporary prefix may provide dpslint: no
# package registry, no system copy.
run_example find_package -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF &
find_package_job=$!
PKG_CONFIG_PATH="$libdir/pkgconfig" run_example pkg-config -DUSE_PKG_CONFIG=ON &
pkg_config_job=$!
wait "$find_package_job" || exit 1
wait "$pkg_config_job" || exit 1
grep -q "dpslint_DIR:PATH=$prefix/" "$work/example-find_package/CMakeCache.txt" ||
  fail "find_package found a dpslint outside the temporary prefix"
grep -q "^DPSLINT_PREFIX:INTERNAL=$prefix\$" "$work/example-pkg-config/CMakeCache.txt" ||
  fail "pkg-config found a dpslint outside the temporary prefix"

step "done in $((SECONDS - start)) s"
