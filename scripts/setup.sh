#!/usr/bin/env bash
# Installs whatever dpslint needs to build and test that is missing, from Debian 12 packages.
# Idempotent: when everything is present it changes nothing and does not touch the network.
#
#   scripts/setup.sh            the g++ build and the test suite
#   scripts/setup.sh --clang    also clang 14 with its sanitizer and libFuzzer runtimes
#                               (scripts/sanitize.sh, scripts/fuzz.sh)
set -euo pipefail

packages=(
  # Ninja schedules the two cores of a CI machine better than make (scripts/build.sh).
  g++ make cmake ninja-build pkg-config git
  openssl libssl-dev
  libbotan-2-dev
  libre2-dev
  nlohmann-json3-dev
  libcli11-dev
  catch2
  # cpack's Depends via dpkg-shlibdeps (dpkg-dev, file: scripts/test-package.sh); man renders
  # dpslint.1 (tests/cli/docs_cli_test.cpp, scripts/test-package.sh).
  dpkg-dev file man-db
  # The CI-format tests validate SARIF against the OASIS JSON schema and JUnit against an XSD
  # (tests/cli/ci_formats_cli_test.cpp, testdata/schemas/).
  python3-jsonschema libxml2-utils
  # GNU time measures the release dpslint's peak memory when a sanitized test program runs it
  # (tests/support/process.cpp).
  time
)
if [ "${1:-}" = "--clang" ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all build dependencies are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
# On a shared runner another apt run may hold the dpkg lock: wait for it (up to 10 minutes)
# instead of failing the build.
apt_wait=(-o DPkg::Lock::Timeout=600)
"${as_root[@]}" apt-get "${apt_wait[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get "${apt_wait[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}"
