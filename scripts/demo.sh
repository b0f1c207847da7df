#!/usr/bin/env bash
# Quick-start command 1: install what is missing, build dpslint, and run it on the bundled demo
# data (testdata/demo): the device certificates of the DPS walkthrough checked against its CAs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"
"$root/scripts/build.sh" --target dpslint
dpslint="$build/lint/dpslint"
demo="$root/testdata/demo"
# A fixed evaluation time keeps the demo's output the same whenever it is run.
at="2026-12-01T00:00:00Z"

cd "$demo"
echo "\$ dpslint verify --trust ca/my-root-ca.pem --untrusted ca/my-intermediate-ca.pem --untrusted ca/customer-a-intermediate-ca.pem --at $at devices/*.pem"
status=0
"$dpslint" verify --trust ca/my-root-ca.pem --untrusted ca/my-intermediate-ca.pem \
  --untrusted ca/customer-a-intermediate-ca.pem --at "$at" devices/*.pem || status=$?
echo
echo "dpslint verify exited with status $status (0: all valid, 1: some device would fail, 2: bad input)"
