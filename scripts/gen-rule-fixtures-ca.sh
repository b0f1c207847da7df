#!/usr/bin/env bash
# gen-rule-fixtures-ca.sh — CA certificates for the ca.* lint rule tests that neither
# testdata/pki nor testdata/demo has: weak keys and weak signature hashes on CA certificates.
#
# Generates (after wiping exactly this directory):
#   testdata/rules/ca/weak-root.pem              RSA-2048, self-signed with SHA-1
#   testdata/rules/ca/rsa1024-intermediate.pem   RSA-1024 key, signed by weak-root with SHA-256
#   testdata/rules/ca/sha1-intermediate.pem      P-256 key, signed by weak-root with SHA-1
#   testdata/rules/ca/md5-intermediate.pem       P-256 key, signed by weak-root with MD5
#   testdata/rules/ca/secp256k1-intermediate.pem secp256k1 key, signed by weak-root with SHA-256
# and next to each X.pem a review dump X.txt (`openssl x509 -noout -text`).
#
# Dates are FIXED (openssl ca -startdate/-enddate): root 2020-01-01..2050-01-01,
# intermediates 2020-01-01..2045-01-01. Serial numbers are deterministic (root 0xA000,
# intermediates issued by it from 0xA001 in the order below). Keys are random and NOT kept,
# so re-running changes the bytes of every file but not its meaning.
#
# Requirements: bash, coreutils, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/testdata/rules/ca"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-gen-ca.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"

ROOT_START=20200101000000Z ROOT_END=20500101000000Z
INT_START=20200101000000Z  INT_END=20450101000000Z
DN="/C=US/O=dpslint Rule Fixtures"

die() { echo "gen-rule-fixtures-ca: $*" >&2; exit 1; }

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
EOF

# genkey <rsa1024|rsa2048|p256|secp256k1> <out.key>
genkey() {
    case "$1" in
        rsa*)      run openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${1#rsa}" -out "$2" ;;
        p256)      run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
                       -pkeyopt ec_param_enc:named_curve -out "$2" ;;
        secp256k1) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 \
                       -pkeyopt ec_param_enc:named_curve -out "$2" ;;
        *)         die "unknown key spec: $1" ;;
    esac
}

dump() { openssl x509 -in "$1" -noout -text >"${1%.pem}.txt"; }

# The one issuing CA: an `openssl ca` directory whose key signs everything below.
CADIR="$WORK/ca"
mkdir -p "$CADIR/newcerts"
: >"$CADIR/index.txt"
echo "unique_subject = no" >"$CADIR/index.txt.attr"
echo "A000" >"$CADIR/serial"
cat >"$CADIR/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default

[ CA_default ]
dir             = $CADIR
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

# sign <csr> <out.pem> <start> <end> <extsection> <md> [extra openssl ca args...]
sign() {
    local csr="$1" out="$2" start="$3" end="$4" ext="$5" md="$6"; shift 6
    run openssl ca -batch -notext -preserveDN -config "$CADIR/ca.cnf" \
        -startdate "$start" -enddate "$end" -md "$md" \
        -extfile "$EXT" -extensions "$ext" -in "$csr" -out "$out" "$@"
    dump "$out"
}

# intermediate <stem> <CN> <keyspec> <md>
intermediate() {
    genkey "$3" "$WORK/$1.key"
    run openssl req -new -key "$WORK/$1.key" -subj "$DN/CN=$2" -out "$WORK/$1.csr"
    sign "$WORK/$1.csr" "$OUT/$1.pem" "$INT_START" "$INT_END" int_ca "$4"
}

rm -rf "$OUT"
mkdir -p "$OUT"

# Root: self-signed with SHA-1 (its self-signature is not relied on: ca.weak-signature skips it).
genkey rsa2048 "$CADIR/ca.key"
run openssl req -new -key "$CADIR/ca.key" -subj "$DN/CN=dpslint Weak Root CA" -out "$WORK/root.csr"
sign "$WORK/root.csr" "$OUT/weak-root.pem" "$ROOT_START" "$ROOT_END" root_ca sha1 -selfsign
cp "$OUT/weak-root.pem" "$CADIR/ca.pem"

# Serials continue from the root's: A001, A002, ... in this order.
intermediate rsa1024-intermediate   "dpslint RSA-1024 Intermediate CA"   rsa1024   sha256
intermediate sha1-intermediate      "dpslint SHA-1 Intermediate CA"      p256      sha1
intermediate md5-intermediate       "dpslint MD5 Intermediate CA"        p256      md5
intermediate secp256k1-intermediate "dpslint secp256k1 Intermediate CA"  secp256k1 sha256

# Sanity: every intermediate chains to the root (signature check only; SHA-1/MD5 need
# auth level 0 to pass OpenSSL's default security level).
for f in rsa1024 sha1 md5 secp256k1; do
    run openssl verify -auth_level 0 -attime 1893456000 -CAfile "$OUT/weak-root.pem" \
        "$OUT/$f-intermediate.pem"
done
echo "gen-rule-fixtures-ca: wrote $(ls "$OUT"/*.pem | wc -l) certificates to ${OUT#"$REPO"/}"
