#!/usr/bin/env bash
# Quick-start command 1: install what is missing, build dpslint, and run it on the bundled demo
# (testdata/demo): the DPS instance of the enrollment-group walkthrough and a handful of device
# certificates. Shows what DPS would decide for each device, the audit of the exported
# enrollments, and the factory-batch check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
# DPSLINT=/path/to/dpslint runs an installed dpslint instead of building one
# (scripts/test-package.sh runs the demo through the Debian package's /usr/bin/dpslint).
dpslint="${DPSLINT:-}"
if [ -z "$dpslint" ]; then
  "$root/scripts/setup.sh"
  "$root/scripts/build.sh" --target dpslint
  dpslint="$build/lint/dpslint"
fi
# A fixed evaluation time keeps the demo's output the same whenever it is run.
at="2026-12-01T00:00:00Z"
cd "$root/testdata/demo"

run() {
  echo
  echo "\$ dpslint $*"
  local status=0
  "$dpslint" "$@" || status=$?
  echo "(exit status $status)"
}

echo "== What would DPS decide for each device? =="
run simulate --snapshot snapshot --at "$at" devices/*.pem
echo
echo "== Audit of the exported enrollments and devices =="
run lint --snapshot snapshot --at "$at" devices/*.pem
echo
echo "== The same devices as a factory batch =="
run batch --snapshot snapshot --at "$at" --quiet --report /tmp/dpslint-demo-report.jsonl devices/*.pem
echo "per-device report: /tmp/dpslint-demo-report.jsonl"
echo
echo "== Revocation: DPS does not check it (a separate small DPS instance, revocation/) =="
crls=(--crl revocation/crl/field-intermediate-ca.crl.pem --crl revocation/crl/field-root-ca.crl.pem)
run simulate --snapshot revocation/snapshot --at "$at" "${crls[@]}" revocation/devices/*.pem
run lint --snapshot revocation/snapshot --at "$at" "${crls[@]}" revocation/devices/*.pem
run batch --snapshot revocation/snapshot --at "$at" "${crls[@]}" --quiet \
  --report /tmp/dpslint-revocation-report.jsonl revocation/devices/*.pem
