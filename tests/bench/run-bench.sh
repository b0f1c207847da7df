#!/usr/bin/env bash
# run-bench.sh — the `dpslint batch` benchmark (docs/performance.md). One command:
#
#   tests/bench/run-bench.sh [--sizes 10000,100000,1000000] [--algs p256,rsa2048]
#                            [--work DIR] [--jobs N] [--build-dir DIR] [--repeat N]
#
# Builds dpslint and the batch generator, generates (or reuses) deterministic batches, then for
# every size and algorithm times `dpslint batch` against `openssl verify` (xargs, one process
# per 1000 files, on every core) and `openssl speed -multi` for the leaf algorithm, and prints a
# table. Not part of the test suite: nothing here runs under ctest. See --help.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prog="tests/bench/run-bench.sh"

sizes="10000,100000,1000000"
algs="p256,rsa2048"
work="/tmp/dpslint-bench"
jobs="$(nproc)"
build="$repo/build"
repeat=1
seed="dpslint-bench"
quiet_load="0.5"
max_wait=40
poll=120
big_size=1000000
force=0
cache=auto
at="2030-01-01T00:00:00Z"
speed_seconds=5

usage() {
    cat <<EOF
Usage: $prog [OPTIONS]

Benchmarks \`dpslint batch\` on generated factory batches (one root, one intermediate, N
leaves; ECDSA P-256 and RSA-2048) against \`openssl verify\` and \`openssl speed\`.

  --sizes LIST       leaf counts, comma-separated (default $sizes)
  --algs LIST        p256 and/or rsa2048 (default $algs)
  --work DIR         batches, key cache and results (default $work); never inside the repo
  --jobs N           cores to use: dpslint --jobs, xargs -P, openssl speed -multi
                     (default: nproc = $jobs)
  --build-dir DIR    CMake build directory (default $build); configured when missing
  --repeat N         timed runs per tool and batch, the best is kept (default $repeat)
  --seed TEXT        generator seed (default $seed)
  --quiet-load X     wait for a 1-minute load average below X before timing (default $quiet_load)
  --max-wait MIN     give up waiting after MIN minutes (default $max_wait; 0: do not wait)
  --poll SECONDS     load poll interval (default $poll)
  --force            time sizes >= $big_size even when the machine never got quiet
  --cache MODE       warm: read every file once before each tool's run; cold: drop the page
                     cache (root) before each tool's run; auto (default): warm below $big_size
                     leaves, cold from $big_size (a million files do not stay cached: on the
                     recorded machine the kernel reclaimed them within minutes)
  -h, --help         this text

Steps: (1) cmake --build BUILD --target dpslint dpslint-bench-gen; (2) generate missing
batches into WORK/batches/ALG-SIZE (reused when WORK/batches/ALG-SIZE/COMPLETE matches);
(3) wait for a quiet machine; (4) per algorithm: openssl speed -multi JOBS -seconds
$speed_seconds; one untimed warm-up run of each tool on the smallest batch; then per size, for
each tool: warm or drop the page cache (--cache), time the tool. Sizes >= $big_size run
only on a quiet machine (or with --force). Each timed run records the 1-minute load average
before it and the CPU time other processes used during it ("foreign CPU").

Example (the run recorded in docs/performance.md):
  $prog --sizes 10000,100000,1000000 --algs p256,rsa2048 --work /tmp/dpslint-bench

Results: a table on stdout, also saved as WORK/results/<timestamp>.md and .tsv; raw outputs
under WORK/results/<timestamp>/.
EOF
}

die() { echo "$prog: $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes="${2:?}"; shift 2 ;;
        --algs) algs="${2:?}"; shift 2 ;;
        --work) work="${2:?}"; shift 2 ;;
        --jobs) jobs="${2:?}"; shift 2 ;;
        --build-dir) build="${2:?}"; shift 2 ;;
        --repeat) repeat="${2:?}"; shift 2 ;;
        --seed) seed="${2:?}"; shift 2 ;;
        --quiet-load) quiet_load="${2:?}"; shift 2 ;;
        --max-wait) max_wait="${2:?}"; shift 2 ;;
        --poll) poll="${2:?}"; shift 2 ;;
        --force) force=1; shift ;;
        --cache) cache="${2:?}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a alg_list <<<"$algs"
for s in "${size_list[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "bad size: $s"; done
for a in "${alg_list[@]}"; do [[ "$a" == p256 || "$a" == rsa2048 ]] || die "bad alg: $a"; done
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "bad --jobs: $jobs"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || die "bad --repeat: $repeat"
[[ "$cache" == warm || "$cache" == cold || "$cache" == auto ]] || die "bad --cache: $cache"
mapfile -t size_list < <(printf '%s\n' "${size_list[@]}" | sort -n -u)
mkdir -p "$work"
work="$(cd "$work" && pwd)"
case "$work/" in "$repo"/*) die "--work must be outside the repository: $work" ;; esac

# ---- tools -------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "installing GNU time (/usr/bin/time)"
        apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    fi
    [[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
fi
command -v openssl >/dev/null || die "openssl is missing"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
    log "configuring $build"
    cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
log "building dpslint and dpslint-bench-gen in $build"
cmake --build "$build" -j "$jobs" --target dpslint dpslint-bench-gen >/dev/null
dpslint="$build/lint/dpslint"
gen="$build/tests/bench/dpslint-bench-gen"
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")"

# ---- batches -----------------------------------------------------------------------------
mkdir -p "$work/batches" "$work/keys"
for alg in "${alg_list[@]}"; do
    for size in "${size_list[@]}"; do
        dir="$work/batches/$alg-$size"
        want="alg=$alg count=$size seed=$seed"
        if [[ -f "$dir/COMPLETE" && "$(cat "$dir/COMPLETE")" == "$want" ]]; then
            log "reusing $dir"
            continue
        fi
        rm -rf -- "$dir"
        log "generating $dir"
        "$gen" --alg "$alg" --count "$size" --out "$dir" --seed "$seed" --threads "$jobs" \
            --key-cache "$work/keys/rsa2048-$seed-pool256.pem" --pool-size 256
    done
done

# ---- measuring helpers -------------------------------------------------------------------
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$work/results/$stamp"
mkdir -p "$out"
epoch="$(date -u -d "$at" +%s)"
cat >"$out/verify-chunk.sh" <<'EOF'
# verify-chunk.sh DIR EPOCH FILE...: `openssl verify` one chunk; prints how many files were OK.
dir="$1" epoch="$2"
shift 2
openssl verify -CAfile "$dir/root.pem" -untrusted "$dir/intermediate.pem" -attime "$epoch" "$@" \
    2>&1 | grep -c ': OK$'
EOF

load1() { cut -d' ' -f1 /proc/loadavg; }
# Busy CPU time of the whole machine in seconds (user+nice+system+irq+softirq+steal).
busy_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu /{printf "%.2f", ($2+$3+$4+$7+$8+$9)/hz; exit}' /proc/stat
}
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%s\", $* }"; }

# Waits for a 1-minute load average below --quiet-load; returns 1 if it never came.
wait_quiet() {
    local waited=0 l
    while :; do
        l="$(load1)"
        if awk -v l="$l" -v q="$quiet_load" 'BEGIN { exit !(l < q) }'; then
            return 0
        fi
        if (( waited >= max_wait * 60 )); then
            log "load $l is still over $quiet_load after $max_wait min"
            return 1
        fi
        log "load $l >= $quiet_load: waiting (${waited}s of $((max_wait * 60))s)"
        sleep "$poll"
        waited=$((waited + poll))
    done
}

# time_cmd NAME CMD...: runs CMD under /usr/bin/time -v with stdout to $out/NAME.out. Sets
# T_WALL, T_CPU (user+sys of CMD and its children), T_RSS_MB, T_LOAD (before), T_FOREIGN
# (CPU seconds other processes used meanwhile, as a % of the run's wall time on all cores).
time_cmd() {
    local name="$1"; shift
    T_LOAD="$(load1)"
    local b0 t0 t1 b1 status=0
    b0="$(busy_seconds)"; t0="$(now)"
    /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" || status=$?
    t1="$(now)"; b1="$(busy_seconds)"
    T_WALL="$(calc "$t1 - $t0")"
    local user sys rss
    user="$(sed -n 's/^[[:space:]]*User time (seconds): //p' "$out/$name.time")"
    sys="$(sed -n 's/^[[:space:]]*System time (seconds): //p' "$out/$name.time")"
    rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$out/$name.time")"
    T_CPU="$(calc "$user + $sys")"
    T_RSS_MB="$(calc "$rss / 1024")"
    T_FOREIGN="$(awk -v b="$(calc "$b1 - $b0")" -v c="$T_CPU" -v w="$T_WALL" -v n="$(nproc)" \
        'BEGIN { f = (b - c) / (w * n) * 100; if (f < 0) f = 0; printf "%.0f", f }')"
    return "$status"
}

# "key": value from the pretty-printed JSON of dpslint (first match).
json_value() { sed -n "s/^ *\"$1\": \\([^,]*\\),\\{0,1\\}$/\\1/p" "$2" | head -n1; }

# Stage seconds (summed over worker threads) per certificate, in microseconds.
per_cert_us() { calc "$(json_value "$1" "$2") / $3 * 1000000"; }

run_dpslint() {  # NAME ALG DIR
    local extra=()
    [[ "$2" == rsa2048 ]] && extra=(--disable batch.shared-key)
    time_cmd "$1" "$dpslint" batch --trust "$3/root.pem" --untrusted "$3/intermediate.pem" \
        --at "$at" --quiet --jobs "$jobs" --format json --timings "${extra[@]}" "$3/leaves"
}

# shellcheck disable=SC2016  # the inner scripts expand their own positional parameters
run_openssl_verify() {  # NAME DIR
    # As a user would: find | xargs -n 1000 -P JOBS openssl verify. Each chunk's "OK" lines are
    # counted by the chunk (parallel writers would interleave partial lines in a shared pipe).
    time_cmd "$1" bash -c 'find "$1/leaves" -name "*.pem" -print0 \
        | xargs -0 -n 1000 -P "$2" sh "$3" "$1" "$4"' _ "$2" "$jobs" "$out/verify-chunk.sh" "$epoch"
}

drop_cache() {  # the page cache, dentries and inodes: both tools start from storage alike
    sync
    echo 3 >/proc/sys/vm/drop_caches 2>/dev/null \
        || die "--cache cold needs root (writes /proc/sys/vm/drop_caches)"
}

cache_mode() {  # SIZE -> warm|cold
    if [[ "$cache" == auto ]]; then
        (( $1 >= big_size )) && echo cold || echo warm
    else
        echo "$cache"
    fi
}

prepare_cache() {  # MODE DIR
    if [[ "$1" == cold ]]; then drop_cache; else preread "$2"; fi
}

preread() {  # DIR: every file once into the page cache, for both tools alike
    find "$1/leaves" -name '*.pem' -print0 | xargs -0 cat >/dev/null
}

speed_verify() {  # ALG -> verifies/s on $jobs cores
    local what=ecdsap256 pattern='ecdsa \(nistp256\)'
    [[ "$1" == rsa2048 ]] && { what=rsa2048; pattern='^rsa 2048 bits'; }
    openssl speed -multi "$jobs" -seconds "$speed_seconds" "$what" >"$out/speed-$1.out" 2>&1
    grep -E "$pattern" "$out/speed-$1.out" | tail -n1 | awk '{print $NF}'
}

# ---- machine -----------------------------------------------------------------------------
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "command: $prog --sizes $sizes --algs $algs --work $work --jobs $jobs --repeat $repeat"
    echo "commit: $(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD -- lib lint rules 2>/dev/null || echo ' (lib/lint/rules modified)')"
    echo "build: $build ($build_type)"
    echo "nproc: $(nproc); jobs: $jobs"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n1)"
    echo "ram: $(free -g | awk '/^Mem:/{print $2}') GiB"
    echo "kernel: $(uname -sr)"
    echo "openssl: $(openssl version)"
    echo "compiler: $(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt") $( "$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")" -dumpfullversion 2>/dev/null)"
} | tee "$out/machine.txt" >&2

# ---- runs --------------------------------------------------------------------------------
quiet=1
log "waiting for a quiet machine (load < $quiet_load, up to $max_wait min)"
wait_quiet || quiet=0

tsv="$work/results/$stamp.tsv"
md="$work/results/$stamp.md"
printf 'size\talg\tdpslint_cps\topenssl_verify_cps\tratio\tspeed_verify_s\tdpslint_speed_pct\tdpslint_rss_mb\tdpslint_wall_s\tdpslint_cpu_s\tverify_wall_s\tread_us\tparse_us\tdecide_us\trules_us\tload\tforeign_pct\tnote\n' >"$tsv"
{
    echo "| size | alg | dpslint certs/s | openssl verify certs/s | ratio | openssl speed verify/s | dpslint / speed | dpslint peak RSS | µs/cert read / parse / decide / rules (per thread) | load before (dpslint, verify) | foreign CPU (dpslint, verify) |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|"
} >"$md"

smallest="${size_list[0]}"
for alg in "${alg_list[@]}"; do
    log "$alg: openssl speed -multi $jobs -seconds $speed_seconds"
    speed="$(speed_verify "$alg")"
    log "$alg: openssl speed verify/s = $speed"

    warm="$work/batches/$alg-$smallest"
    log "$alg: warm-up runs on $warm"
    preread "$warm"
    run_dpslint "warmup-dpslint-$alg" "$alg" "$warm" || true
    run_openssl_verify "warmup-verify-$alg" "$warm" || true

    for size in "${size_list[@]}"; do
        dir="$work/batches/$alg-$size"
        note=""
        if (( size >= big_size )); then
            if ! wait_quiet; then
                if (( ! force )); then
                    log "$alg-$size: skipped, the machine is not quiet (--force to run anyway)"
                    continue
                fi
                note="under load"
            fi
        elif (( ! quiet )); then
            note="under load"
        fi
        mode="$(cache_mode "$size")"
        note="${note:+$note; }$mode cache"
        best_d="" best_v=""
        for ((r = 1; r <= repeat; ++r)); do
            log "$alg-$size: dpslint batch (run $r/$repeat)"
            status=0
            prepare_cache "$mode" "$dir"
            run_dpslint "dpslint-$alg-$size-$r" "$alg" "$dir" || status=$?
            devices="$(json_value devices "$out/dpslint-$alg-$size-$r.out")"
            valid="$(json_value valid "$out/dpslint-$alg-$size-$r.out")"
            if [[ "$status" != 0 || "$devices" != "$size" || "$valid" != "$size" ]]; then
                log "WARNING: dpslint exit $status, devices=$devices valid=$valid (want $size)"
                note="${note:+$note; }dpslint checked ${valid:-0}/$size valid"
            fi
            if [[ -z "$best_d" ]] || awk -v a="$T_WALL" -v b="$best_d" 'BEGIN{exit !(a<b)}'; then
                best_d="$T_WALL" d_cpu="$T_CPU" d_rss="$T_RSS_MB" d_load="$T_LOAD"
                d_foreign="$T_FOREIGN" d_run="$out/dpslint-$alg-$size-$r.out"
            fi
            log "$alg-$size: dpslint ${T_WALL}s wall, ${T_CPU}s CPU, ${T_RSS_MB} MB, load $T_LOAD, foreign ${T_FOREIGN}%"

            log "$alg-$size: openssl verify (run $r/$repeat)"
            prepare_cache "$mode" "$dir"
            run_openssl_verify "verify-$alg-$size-$r" "$dir" || true
            ok="$(awk '{s += $1} END {print s + 0}' "$out/verify-$alg-$size-$r.out")"
            if [[ "$ok" != "$size" ]]; then
                log "WARNING: openssl verify said OK for $ok of $size files"
                note="${note:+$note; }openssl verify OK $ok/$size"
            fi
            if [[ -z "$best_v" ]] || awk -v a="$T_WALL" -v b="$best_v" 'BEGIN{exit !(a<b)}'; then
                best_v="$T_WALL" v_load="$T_LOAD" v_foreign="$T_FOREIGN"
            fi
            log "$alg-$size: openssl verify ${T_WALL}s wall, ${T_CPU}s CPU, load $T_LOAD, foreign ${T_FOREIGN}%"
        done

        d_cps="$(calc "$size / $best_d")"
        v_cps="$(calc "$size / $best_v")"
        ratio="$(calc "$d_cps / $v_cps")"
        pct="$(calc "$d_cps / $speed * 100")"
        r_us="$(per_cert_us readSeconds "$d_run" "$size")"
        p_us="$(per_cert_us parseSeconds "$d_run" "$size")"
        c_us="$(per_cert_us decideSeconds "$d_run" "$size")"
        u_us="$(per_cert_us rulesSeconds "$d_run" "$size")"
        printf '%s\t%s\t%.0f\t%.0f\t%.2f\t%.0f\t%.1f\t%.1f\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t%s/%s\t%s/%s\t%s\n' \
            "$size" "$alg" "$d_cps" "$v_cps" "$ratio" "$speed" "$pct" "$d_rss" "$best_d" \
            "$d_cpu" "$best_v" "$r_us" "$p_us" "$c_us" "$u_us" "$d_load" "$v_load" \
            "$d_foreign" "$v_foreign" "$note" >>"$tsv"
        printf '| %s | %s | %.0f | %.0f | %.2f× | %.0f | %.1f %% | %.1f MB | %.1f / %.1f / %.1f / %.1f | %s, %s | %s %%, %s %% |%s\n' \
            "$size" "$alg" "$d_cps" "$v_cps" "$ratio" "$speed" "$pct" "$d_rss" "$r_us" "$p_us" \
            "$c_us" "$u_us" "$d_load" "$v_load" "$d_foreign" "$v_foreign" \
            "${note:+ $note}" >>"$md"
    done
done

echo
cat "$out/machine.txt"
echo
cat "$md"
echo
echo "Saved: $md, $tsv; raw outputs in $out/"
