#!/usr/bin/env bash
# Regenerates testdata/lint/broken-snapshot.golden.json, the expected findings of
# tests/cli/lint_golden_test.cpp: the sorted {rule, severity, location} of every finding (no
# messages) of
#
#   dpslint lint --snapshot testdata/lint/broken-snapshot \
#     --config testdata/lint/broken-snapshot.config.json --at 2026-12-01T00:00:00Z \
#     --crl testdata/rules/revocation/root-revokes-intermediate.crl.pem \
#     --format json testdata/demo/devices/device-1.pem
#
# run from the repository root. The test itself writes the file when DPSLINT_UPDATE_GOLDEN=1, so
# the arguments and the projection exist in one place only (golden_arguments in the test).
#
# Run it only after an intentional change (a rule added or changed, an entry added to the
# fixture, a change to how locations are written), then review
# `git diff testdata/lint/broken-snapshot.golden.json`: every finding that appears, disappears or
# moves must be one you meant. A new snapshot rule also needs an entry in
# testdata/lint/broken-snapshot/ and a line in testdata/lint/README.md.
#
# Builds into build/ (override with DPSLINT_BUILD_DIR), as scripts/test.sh does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
golden="testdata/lint/broken-snapshot.golden.json"

"$root/scripts/build.sh" --target dpslint dpslint_tests
status=0
DPSLINT_UPDATE_GOLDEN=1 "$build/tests/dpslint_tests" "[golden]" || status=$?
echo "update-lint-golden: wrote $golden; review it with: git diff -- $golden"
git -C "$root" --no-pager diff --stat -- "$golden" || true
# Non-zero when the other [golden] checks fail, e.g. a snapshot rule that no entry breaks.
exit "$status"
