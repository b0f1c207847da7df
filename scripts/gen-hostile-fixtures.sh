#!/usr/bin/env bash
# gen-hostile-fixtures.sh — regenerate testdata/hostile/, the committed inputs of
# tests/cli/hostile_input_test.cpp that need a certificate signature (everything else that test
# feeds dpslint is generated in the test itself).
#
# Generates (replacing the .pem files of testdata/hostile/):
#   nc-forged-san.pem   a device file anyone can make without a CA key: the leaf (CN=hostile-san,
#                       subjectAltName dNSName of the two bytes FF FE, which are not UTF-8) and a
#                       forged intermediate "CN=Forged NC CA" with nameConstraints permitted
#                       DNS:example.com whose issuer NAME is the batch test root
#                       (testdata/batch/ca/root.pem) but which is signed with a throwaway key.
#   cn-newline.pem      a leaf from the same forged CA whose CN is "line1<LF>line2" and whose
#                       subjectAltName dNSName is "x<LF>y", plus the forged CA: text output must
#                       not split a line on them.
#
# Dates are fixed (openssl ca -startdate/-enddate); keys are random and not kept.
# Requirements: bash, coreutils, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/testdata/hostile"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-hostile.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"

run() {
    if ! "$@" >"$LOG" 2>&1; then
        cat "$LOG" >&2
        echo "gen-hostile-fixtures: command failed: $*" >&2
        exit 1
    fi
}

# leaf_section <name> <subjectAltName DER>: a device certificate's extensions with a raw SAN.
leaf_section() {
    cat <<EOF
[$1]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
2.5.29.17              = DER:$2
EOF
}

{
    cat <<'EOF'
[forged_ca]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
nameConstraints        = critical, permitted;DNS:example.com
subjectKeyIdentifier   = hash
authorityKeyIdentifier = none
EOF
    leaf_section leaf 30:04:82:02:FF:FE               # SEQUENCE { [2] dNSName FF FE }
    leaf_section leaf_newline 30:05:82:03:78:0A:79    # SEQUENCE { [2] dNSName "x" LF "y" }
} >"$WORK/extensions.cnf"

# ca <dir> <cert.pem> <key>: an `openssl ca` working directory.
ca() {
    mkdir -p "$1/newcerts"
    : >"$1/index.txt"
    echo "unique_subject = no" >"$1/index.txt.attr"
    openssl rand -hex 16 | tr 'a-f' 'A-F' | sed 's/^./4/' >"$1/serial"
    cat >"$1/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir             = $1
database        = \$dir/index.txt
serial          = \$dir/serial
new_certs_dir   = \$dir/newcerts
certificate     = $2
private_key     = $3
default_md      = sha256
policy          = policy_any
unique_subject  = no
copy_extensions = none
preserve        = yes
[ policy_any ]
countryName      = optional
organizationName = optional
commonName       = optional
EOF
}

key() { run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/$1.key"; }

key forged
key leaf
root_subject="$(openssl x509 -in "$REPO/testdata/batch/ca/root.pem" -noout -subject \
    -nameopt compat | sed 's/^subject=//')"

# A stand-in "root" with the real root's name and the throwaway key: what it signs claims the
# real root as issuer without its signature.
run openssl req -new -x509 -key "$WORK/forged.key" -subj "$root_subject" -days 1 \
    -out "$WORK/stand-in.pem"
ca "$WORK/stand-in" "$WORK/stand-in.pem" "$WORK/forged.key"
run openssl req -new -key "$WORK/forged.key" -subj "/C=US/O=dpslint Test/CN=Forged NC CA" \
    -out "$WORK/forged.csr"
run openssl ca -batch -notext -preserveDN -config "$WORK/stand-in/ca.cnf" \
    -startdate 20200101000000Z -enddate 20450101000000Z \
    -extfile "$WORK/extensions.cnf" -extensions forged_ca -in "$WORK/forged.csr" \
    -out "$WORK/forged.pem"

ca "$WORK/forged-ca" "$WORK/forged.pem" "$WORK/forged.key"
run openssl req -new -key "$WORK/leaf.key" -subj "/CN=hostile-san" -out "$WORK/leaf.csr"
run openssl ca -batch -notext -preserveDN -config "$WORK/forged-ca/ca.cnf" \
    -startdate 20240101000000Z -enddate 20400101000000Z \
    -extfile "$WORK/extensions.cnf" -extensions leaf -in "$WORK/leaf.csr" -out "$WORK/leaf.pem"

run openssl req -new -key "$WORK/leaf.key" -subj $'/CN=line1\nline2' -out "$WORK/newline.csr"
run openssl ca -batch -notext -preserveDN -config "$WORK/forged-ca/ca.cnf" \
    -startdate 20240101000000Z -enddate 20400101000000Z \
    -extfile "$WORK/extensions.cnf" -extensions leaf_newline -in "$WORK/newline.csr" \
    -out "$WORK/newline.pem"

mkdir -p "$OUT"
rm -f "$OUT"/*.pem
cat "$WORK/leaf.pem" "$WORK/forged.pem" >"$OUT/nc-forged-san.pem"
cat "$WORK/newline.pem" "$WORK/forged.pem" >"$OUT/cn-newline.pem"
echo "gen-hostile-fixtures: wrote $OUT"
