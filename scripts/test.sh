#!/usr/bin/env bash
# Quick-start command 2: install what is missing, build, run the whole test suite, then install
# and package the build and test what was installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
# Install and package from this build (nothing is compiled again): cmake --install, the example
# against the installed tree, the Debian package installed, exercised and removed.
"$root/scripts/test-install.sh"
"$root/scripts/test-package.sh"
