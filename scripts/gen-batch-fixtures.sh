#!/usr/bin/env bash
# gen-batch-fixtures.sh — regenerate the factory-batch fixtures of the batch.* rules and of the
# `dpslint batch` CLI tests with the openssl CLI.
#
# Generates (after wiping exactly testdata/batch/):
#   testdata/batch/ca/           root.pem, intermediate.pem, intermediate-2.pem (the test CA)
#   testdata/batch/good/         device-0001.pem .. device-0020.pem: leaf + intermediate, P-256,
#                                random 16-byte serials (not sequential), CN=device-000N
#   testdata/batch/duplicates/   one pair of files per duplicate rule, and a leaf with a key:
#                                  cn-lower.pem / cn-upper.pem     CN dup-cn and DUP-CN
#                                  serial-a.pem / serial-b.pem     same issuer + serial, two keys
#                                  key-a.pem / key-b.pem           one key, two certificates
#                                  copy-a.pem / copy-b.pem         one certificate, two files
#                                  with-key.pem                    leaf followed by a PRIVATE KEY
#   testdata/batch/sequential/   seq-0001.pem .. seq-0020.pem from intermediate-2 with counter
#                                serials 0x1000, 0x1001, ...
#   testdata/batch/messy/        inputs for CLI tests: device-1..3.pem, empty.pem (0 bytes),
#                                garbage.bin (deterministic non-certificate bytes), notes.txt
#                                (plain text), nested/dir/device-deep.pem, bundle.pem (two device
#                                leaves + the intermediate)
#   testdata/batch/dumps/        `openssl x509 -noout -text` of every certificate file above,
#                                same relative path with .txt (one dump per certificate in the
#                                file). They live outside the input directories so that a batch
#                                run over good/, sequential/ or messy/ sees only the inputs.
#
# Every validity date is FIXED (openssl ca -startdate/-enddate). Serials are random where the
# fixture needs them random (good/, duplicates/, messy/) and counter-generated in sequential/.
# Keys are random and not kept (temp dir deleted on exit), except the throwaway key appended to
# duplicates/with-key.pem. Re-running changes the bytes of every file but not its meaning.
#
# Requirements: bash, coreutils, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/testdata/batch"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-batch.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"
mkdir -p "$WORK/ca" "$WORK/keys" "$WORK/csr"

ROOT_START=20200101000000Z   ROOT_END=20500101000000Z
INT_START=20200101000000Z    INT_END=20450101000000Z
LEAF_START=20240101000000Z   LEAF_END=20400101000000Z
DN="/C=US/O=dpslint Test"

die() { echo "gen-batch-fixtures: $*" >&2; exit 1; }

# run <cmd...>: run quietly, show the openssl output only on failure.
run() {
    if ! "$@" >"$LOG" 2>&1; then
        cat "$LOG" >&2
        die "command failed: $*"
    fi
}

EXT="$WORK/extensions.cnf"
cat >"$EXT" <<'EOF'
[root_ca]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = none

[int_ca]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
EOF

# dump <file.pem>: $OUT/dumps/<relative path>.txt with `openssl x509 -noout -text` of every
# CERTIFICATE block in the file (a marker line before each when there are several).
dump() {
    local pem="$1" rel txt n i=0
    rel="${pem#"$OUT"/}"
    txt="$OUT/dumps/${rel%.pem}.txt"
    mkdir -p "$(dirname "$txt")"
    n=$(grep -c -- '-----BEGIN CERTIFICATE-----' "$pem" || true)
    [ "$n" -ge 1 ] || die "no certificate in $pem"
    : >"$txt"
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        [ "$n" -gt 1 ] && echo "=== certificate $i of $n ===" >>"$txt"
        awk -v want="$i" '
            /-----BEGIN CERTIFICATE-----/ { k++ }
            k == want { print }
            k == want && /-----END CERTIFICATE-----/ { exit }
        ' "$pem" | openssl x509 -noout -text >>"$txt"
    done
}

# ca_init <ca-id> <cert.pem|-> <key>: an `openssl ca` working directory for a CA.
ca_init() {
    local id="$1" cert="$2" key="$3" dir="$WORK/ca/$1"
    [ -d "$dir" ] && die "CA $id initialised twice"
    mkdir -p "$dir/newcerts"
    : >"$dir/index.txt"
    echo "unique_subject = no" >"$dir/index.txt.attr"
    cp "$key" "$dir/ca.key"
    [ "$cert" != "-" ] && cp "$cert" "$dir/ca.pem"
    cat >"$dir/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default

[ CA_default ]
dir             = $dir
database        = \$dir/index.txt
serial          = \$dir/serial
new_certs_dir   = \$dir/newcerts
certificate     = \$dir/ca.pem
private_key     = \$dir/ca.key
default_md      = sha256
policy          = policy_any
unique_subject  = no
email_in_dn     = no
copy_extensions = none
preserve        = yes

[ policy_any ]
countryName      = optional
organizationName = optional
commonName       = optional
EOF
}

# set_serial <ca-id> <hex>: the serial the CA's next certificate gets (openssl ca then counts
# up from it). Resetting it between issues gives two certificates the same serial.
set_serial() { echo "$2" >"$WORK/ca/$1/serial"; }

# random_serial <ca-id>: a fresh random 16-byte positive serial (top byte 0x40..0x7F, so the
# DER INTEGER is exactly 16 content octets) for the CA's next certificate.
random_serial() {
    local hex top
    hex="$(openssl rand -hex 16)"
    top=$(( (0x${hex:0:2} & 0x3f) | 0x40 ))
    set_serial "$1" "$(printf '%02X' "$top")${hex:2}"
}

# new_key <name>: a fresh P-256 key at $WORK/keys/<name>.key.
new_key() {
    [ -e "$WORK/keys/$1.key" ] && die "key name reused: $1"
    run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
        -pkeyopt ec_param_enc:named_curve -out "$WORK/keys/$1.key"
}

# sign <ca-id> <key-name> <subject> <start> <end> <ext> <out.pem> [extra openssl ca args]
sign() {
    local ca="$1" key="$2" subject="$3" start="$4" end="$5" ext="$6" out="$7"; shift 7
    local csr="$WORK/csr/$(basename "$out" .pem)-$RANDOM.csr"
    run openssl req -new -key "$WORK/keys/$key.key" -subj "$subject" -out "$csr"
    run openssl ca -batch -notext -preserveDN -config "$WORK/ca/$ca/ca.cnf" \
        -startdate "$start" -enddate "$end" -extfile "$EXT" -extensions "$ext" \
        -in "$csr" -out "$out" "$@"
}

# leaf <ca-id> <key-name> <cn> <out.pem>: a device leaf (no chain) under <ca-id>.
leaf() { sign "$1" "$2" "/CN=$3" "$LEAF_START" "$LEAF_END" leaf "$4"; }

# device_file <out.pem> <leaf.pem> <ca-id>: leaf followed by its issuing intermediate.
device_file() {
    mkdir -p "$(dirname "$1")"
    cat "$2" "$WORK/ca/$3/ca.pem" >"$1"
    dump "$1"
}

# random_device <ca-id> <cn> <out.pem>: new key, random serial, leaf + intermediate.
random_device() {
    local ca="$1" cn="$2" out="$3"
    new_key "$cn"
    random_serial "$ca"
    leaf "$ca" "$cn" "$cn" "$WORK/$cn.pem"
    device_file "$out" "$WORK/$cn.pem" "$ca"
}

rm -rf "$OUT"
mkdir -p "$OUT/ca" "$OUT/good" "$OUT/duplicates" "$OUT/sequential" "$OUT/messy/nested/dir"

# ---------------------------------------------------------------------------
# The test CA: root, intermediate (random device serials), intermediate-2 (counter serials).
# ---------------------------------------------------------------------------
new_key root
ca_init root - "$WORK/keys/root.key"
set_serial root 1000
sign root root "$DN/CN=dpslint Batch Test Root" "$ROOT_START" "$ROOT_END" root_ca \
    "$OUT/ca/root.pem" -selfsign
cp "$OUT/ca/root.pem" "$WORK/ca/root/ca.pem"
dump "$OUT/ca/root.pem"

new_key intermediate
sign root intermediate "$DN/CN=dpslint Batch Test Intermediate" "$INT_START" "$INT_END" int_ca \
    "$OUT/ca/intermediate.pem"
ca_init intermediate "$OUT/ca/intermediate.pem" "$WORK/keys/intermediate.key"
dump "$OUT/ca/intermediate.pem"

new_key intermediate-2
sign root intermediate-2 "$DN/CN=dpslint Batch Test Intermediate 2" "$INT_START" "$INT_END" \
    int_ca "$OUT/ca/intermediate-2.pem"
ca_init intermediate-2 "$OUT/ca/intermediate-2.pem" "$WORK/keys/intermediate-2.key"
dump "$OUT/ca/intermediate-2.pem"

# ---------------------------------------------------------------------------
# good/: 20 devices, random serials.
# ---------------------------------------------------------------------------
for i in $(seq 1 20); do
    n="$(printf '%04d' "$i")"
    random_device intermediate "device-$n" "$OUT/good/device-$n.pem"
done

# ---------------------------------------------------------------------------
# duplicates/
# ---------------------------------------------------------------------------
D="$OUT/duplicates"

# Registration IDs equal ignoring case, otherwise two unrelated certificates.
random_device intermediate dup-cn "$D/cn-lower.pem"
new_key dup-cn-upper
random_serial intermediate
leaf intermediate dup-cn-upper DUP-CN "$WORK/dup-cn-upper.pem"
device_file "$D/cn-upper.pem" "$WORK/dup-cn-upper.pem" intermediate

# Same issuer and serial on two certificates with different keys and CNs (the CA database is
# emptied too: `openssl ca` refuses a serial it has already recorded).
for x in a b; do
    new_key "serial-$x"
    set_serial intermediate 5EED0000000000000000000000000001
    : >"$WORK/ca/intermediate/index.txt"
    leaf intermediate "serial-$x" "serial-$x" "$WORK/serial-$x.pem"
    device_file "$D/serial-$x.pem" "$WORK/serial-$x.pem" intermediate
done

# One key in two certificates (different CNs and serials).
new_key shared
for x in a b; do
    random_serial intermediate
    leaf intermediate shared "key-$x" "$WORK/key-$x.pem"
    device_file "$D/key-$x.pem" "$WORK/key-$x.pem" intermediate
done

# One certificate in two files.
random_device intermediate copy "$D/copy-a.pem"
cp "$D/copy-a.pem" "$D/copy-b.pem"
dump "$D/copy-b.pem"

# A device certificate followed by its (throwaway) PKCS#8 private key.
new_key with-key
random_serial intermediate
leaf intermediate with-key with-key "$D/with-key.pem"
run openssl pkey -in "$WORK/keys/with-key.key" -out "$WORK/with-key.p8"
cat "$WORK/with-key.p8" >>"$D/with-key.pem"
dump "$D/with-key.pem"

# ---------------------------------------------------------------------------
# sequential/: 20 devices from intermediate-2 with counter serials 0x1000, 0x1001, ...
# ---------------------------------------------------------------------------
set_serial intermediate-2 1000
for i in $(seq 1 20); do
    n="$(printf '%04d' "$i")"
    new_key "seq-$n"
    leaf intermediate-2 "seq-$n" "seq-device-$n" "$WORK/seq-$n.pem"
    device_file "$OUT/sequential/seq-$n.pem" "$WORK/seq-$n.pem" intermediate-2
done

# ---------------------------------------------------------------------------
# messy/: what a real factory drop looks like.
# ---------------------------------------------------------------------------
M="$OUT/messy"
for i in 1 2 3; do
    random_device intermediate "messy-device-$i" "$M/device-$i.pem"
done
random_device intermediate messy-device-deep "$M/nested/dir/device-deep.pem"

: >"$M/empty.pem"

# 256 deterministic pseudo-random bytes (AES-128-CTR keystream of a fixed key over zeros),
# prefixed with a byte that is not an ASN.1 SEQUENCE tag.
{
    printf '\377'
    head -c 255 /dev/zero \
        | openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f \
            -iv 00000000000000000000000000000000
} >"$M/garbage.bin"

cat >"$M/notes.txt" <<'EOF'
Factory batch 2026-11 line 3
Operator notes: devices 1-3 flashed, device-deep re-flashed after a power cut.
No certificates in this file.
EOF

# Two device leaves and their intermediate in one file.
for x in 1 2; do
    new_key "bundle-$x"
    random_serial intermediate
    leaf intermediate "bundle-$x" "messy-bundle-$x" "$WORK/bundle-$x.pem"
done
cat "$WORK/bundle-1.pem" "$WORK/bundle-2.pem" "$WORK/ca/intermediate/ca.pem" >"$M/bundle.pem"
dump "$M/bundle.pem"

echo "gen-batch-fixtures: wrote $(find "$OUT" -type f | wc -l) files under ${OUT#"$REPO"/}"
