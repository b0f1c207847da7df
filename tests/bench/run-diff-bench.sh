#!/usr/bin/env bash
# run-diff-bench.sh — `dpslint diff` against `dpslint batch` on the same generated batch
# (docs/performance.md, "dpslint diff"). One command:
#
#   tests/bench/run-diff-bench.sh [--size N] [--work DIR] [--build-dir DIR] [--jobs N]
#
# Generates (or reuses) a P-256 batch with tests/bench/gen_batch.cpp (one root, one
# intermediate, N leaves), writes two DPS snapshots around it — before: a verified root and
# intermediate, one enrollment group on the intermediate (hashed over two linked hubs); after:
# the same group with allocation geoLatency and another twin, so every device changes — then
# times `dpslint batch --snapshot BEFORE` and `dpslint diff --before BEFORE --after AFTER` on the
# leaves (warm page cache, --format json to /dev/null) and prints wall time, CPU time and peak
# RSS of each and the ratio. Not part of the test suite.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prog="tests/bench/run-diff-bench.sh"
size=100000
work="/tmp/dpslint-bench"
build="$repo/build"
jobs="$(nproc)"
seed="dpslint-bench"
at="2030-01-01T00:00:00Z"

die() { echo "$prog: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) size="${2:?}"; shift 2 ;;
        --work) work="${2:?}"; shift 2 ;;
        --build-dir) build="${2:?}"; shift 2 ;;
        --jobs) jobs="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
case "$work" in "$repo"|"$repo"/*) die "--work must be outside the repository" ;; esac
command -v /usr/bin/time >/dev/null || die "needs /usr/bin/time (Debian package time)"

[[ -f "$build/CMakeCache.txt" ]] || cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$jobs" --target dpslint dpslint-bench-gen >/dev/null
dpslint="$build/lint/dpslint"
gen="$build/tests/bench/dpslint-bench-gen"

batch="$work/batches/p256-$size"
if [[ "$(cat "$batch/COMPLETE" 2>/dev/null)" != "alg=p256 count=$size seed=$seed" ]]; then
    rm -rf "$batch"
    mkdir -p "$batch"
    echo "generating $size leaves into $batch" >&2
    "$gen" --alg p256 --count "$size" --out "$batch" --seed "$seed" --threads "$jobs" >/dev/null
fi

sha1() { openssl x509 -in "$1" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d :; }
snapshot() {  # snapshot DIR ALLOCATION FIRMWARE
    local dir="$1"
    rm -rf "$dir"
    mkdir -p "$dir/ca"
    cp "$batch/root.pem" "$batch/intermediate.pem" "$dir/ca/"
    cat > "$dir/dps.json" <<JSON
{"name": "bench-dps", "location": "eastus", "properties": {"allocationPolicy": "Hashed",
 "iotHubs": [
  {"name": "hub-a.azure-devices.net", "location": "eastus", "connectionString": "HostName=hub-a.azure-devices.net"},
  {"name": "hub-b.azure-devices.net", "location": "westeurope", "connectionString": "HostName=hub-b.azure-devices.net"}]}}
JSON
    cat > "$dir/certificates.json" <<JSON
{"value": [
 {"name": "bench-root", "properties": {"subject": "bench root", "thumbprint": "$(sha1 "$batch/root.pem")", "isVerified": true}},
 {"name": "bench-intermediate", "properties": {"subject": "bench intermediate", "thumbprint": "$(sha1 "$batch/intermediate.pem")", "isVerified": true}}]}
JSON
    cat > "$dir/enrollment-groups.json" <<JSON
[{"enrollmentGroupId": "bench-devices", "provisioningStatus": "enabled",
  "attestation": {"type": "x509", "x509": {"caReferences": {"primary": "bench-intermediate"}}},
  "allocationPolicy": "$2", "initialTwin": {"properties": {"desired": {"firmware": "$3"}}},
  "reprovisionPolicy": {"updateHubAssignment": true, "migrateDeviceData": true}}]
JSON
}
snapshots="$work/diff-snapshots"
snapshot "$snapshots/before" hashed 1.0.0
snapshot "$snapshots/after" geoLatency 1.1.0

# Warm the page cache so both tools read from memory.
find "$batch/leaves" -type f -exec cat {} + >/dev/null

measure() {  # measure NAME CMD...: prints "NAME wall_s cpu_s rss_kib exit"
    local name="$1"; shift
    local out="$work/time-$name.txt"
    local status=0
    /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >/dev/null 2>"$work/stderr-$name.txt" || status=$?
    read -r wall user sys rss < "$out"
    printf '%s %s %s %s %s\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" "$rss" "$status"
}

echo "dpslint $("$dpslint" --version | head -1 | cut -d' ' -f2), $size P-256 leaves, --jobs $jobs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
b=$(measure batch "$dpslint" batch --snapshot "$snapshots/before" --at "$at" --jobs "$jobs" \
        --quiet --format json "$batch/leaves")
d=$(measure diff "$dpslint" diff --before "$snapshots/before" --after "$snapshots/after" \
        --at "$at" --jobs "$jobs" --format json "$batch/leaves")
printf '%-6s %9s %9s %12s %5s\n' tool wall_s cpu_s peak_rss_kib exit
printf '%-6s %9s %9s %12s %5s\n' $b
printf '%-6s %9s %9s %12s %5s\n' $d
echo "diff/batch wall-time ratio: $(echo "scale=2; $(echo "$d" | cut -d' ' -f2) / $(echo "$b" | cut -d' ' -f2)" | bc)"
echo "(every device changes allocation policy and twin: diff.devices-change-hub warnings and diff.devices-change-twin notices, below the default fail level)"
