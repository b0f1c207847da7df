#!/usr/bin/env bash
# gen-rule-fixtures.sh — regenerate the device certificates the device.* lint rule tests need
# and that testdata/pki and testdata/demo do not have.
#
# Generates (after wiping exactly this directory):
#   testdata/rules/device/        device files: the device certificate first, then the chain the
#                                 device presents (device-file semantics of `dpslint lint`)
#   testdata/rules/device/ca/     the small test CA hierarchies that issued them
# and next to every certificate file X.pem a review dump X.txt (`openssl x509 -noout -text`,
# one dump per certificate in the file).
#
# Like scripts/gen-testdata.sh: every validity date is FIXED (openssl ca -startdate/-enddate),
# serial numbers are deterministic (fixed first value per CA, fixed issuance order, explicit
# serials for the serial cases), keys are random and NOT kept (temp dir deleted on exit), so
# re-running changes the bytes of every file but not its meaning.
#
# Requirements: bash, coreutils, xxd, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/testdata/rules/device"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-rule-fixtures.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"
mkdir -p "$WORK/ca" "$WORK/keys" "$WORK/csr"

ROOT_START=20200101000000Z   ROOT_END=20450101000000Z
INT_START=20200101000000Z    INT_END=20350101000000Z
LEAF_START=20250101000000Z   LEAF_END=20300101000000Z

die() { echo "gen-rule-fixtures: $*" >&2; exit 1; }

run() {
    if ! "$@" >"$LOG" 2>&1; then
        cat "$LOG" >&2
        die "command failed: $*"
    fi
}

# OpenSSL refuses a commonName longer than its upper bound (64, RFC 5280 ub-common-name); the
# cn-too-long fixture needs one, so every openssl call below loads this string table override.
STBL="$WORK/stbl.cnf"
cat >"$STBL" <<'EOF'
openssl_conf = openssl_init

[openssl_init]
stbl_section = string_table

[string_table]
commonName = min:1,max:256

[req]
distinguished_name = req_dn

[req_dn]
EOF

EXT="$WORK/extensions.cnf"
cat >"$EXT" <<'EOF'
[root_ca]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = none

[int_ca]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf_rsa]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# A device certificate that says it is a CA.
[leaf_is_ca]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, digitalSignature, keyCertSign
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf_san_mismatch]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
subjectAltName         = DNS:gateway-7.example.com

[leaf_san_match]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
subjectAltName         = DNS:san-device-02.example.com, DNS:SAN-Device-02
EOF

# ---------------------------------------------------------------------------
# Helpers (the same shapes as scripts/gen-testdata.sh)
# ---------------------------------------------------------------------------

# genkey <keyspec> <out.key>: rsa2048|rsa4096|p256
genkey() {
    local spec="$1" out="$2"
    case "$spec" in
        rsa*) run openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${spec#rsa}" -out "$out" ;;
        p256) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
                  -pkeyopt ec_param_enc:named_curve -out "$out" ;;
        *)    die "unknown key spec: $spec" ;;
    esac
}

# dump <file.pem>: <file>.txt with `openssl x509 -noout -text` of every certificate in it.
dump() {
    local pem="$1" txt="${1%.pem}.txt" n i=0
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

# ca_init <ca-id> <cert.pem|-> <key> <first-serial-hex> <default-md>
ca_init() {
    local id="$1" cert="$2" key="$3" serial="$4" md="$5" dir="$WORK/ca/$1"
    [ -d "$dir" ] && die "CA $id initialised twice"
    mkdir -p "$dir/newcerts"
    : >"$dir/index.txt"
    echo "unique_subject = no" >"$dir/index.txt.attr"
    echo "$serial" >"$dir/serial"
    cp "$key" "$dir/ca.key"
    [ "$cert" != "-" ] && cp "$cert" "$dir/ca.pem"
    {
        cat <<EOF
openssl_conf = openssl_init

[ openssl_init ]
stbl_section = string_table

[ string_table ]
commonName = min:1,max:256

[ ca ]
default_ca = CA_default

[ CA_default ]
dir             = $dir
database        = \$dir/index.txt
serial          = \$dir/serial
new_certs_dir   = \$dir/newcerts
certificate     = \$dir/ca.pem
private_key     = \$dir/ca.key
default_md      = $md
policy          = policy_any
unique_subject  = no
email_in_dn     = no
copy_extensions = none
preserve        = yes

[ policy_any ]
countryName            = optional
organizationName       = optional
organizationalUnitName = optional
commonName             = optional
EOF
    } >"$dir/ca.cnf"
}

# make_csr <name> <subject> <keyspec>
make_csr() {
    local name="$1" subject="$2" spec="$3"
    [ -e "$WORK/keys/$name.key" ] && die "key name reused: $name"
    genkey "$spec" "$WORK/keys/$name.key"
    run openssl req -config "$STBL" -new -key "$WORK/keys/$name.key" -subj "$subject" \
        -out "$WORK/csr/$name.csr"
}

_ca_sign() {
    local ca="$1" name="$2" start="$3" end="$4" ext="$5" out="$6"; shift 6
    local dir="$WORK/ca/$ca"
    run openssl ca -batch -notext -preserveDN -config "$dir/ca.cnf" \
        -startdate "$start" -enddate "$end" -in "$WORK/csr/$name.csr" -out "$out" \
        -extfile "$EXT" -extensions "$ext" "$@"
}

# issue_cert <ca-id> <name> <out.pem> <subject> <keyspec> <start> <end> <extsection>
issue_cert() {
    local ca="$1" name="$2" out="$3" subject="$4" spec="$5" start="$6" end="$7" ext="$8"
    make_csr "$name" "$subject" "$spec"
    _ca_sign "$ca" "$name" "$start" "$end" "$ext" "$out"
}

# self_sign <ca-id> <out-stem> <subject> <keyspec> <start> <end> <ext> <first-serial> <md>
self_sign() {
    local ca="$1" stem="$2" subject="$3" spec="$4" start="$5" end="$6" ext="$7" serial="$8" md="$9"
    make_csr "$ca" "$subject" "$spec"
    ca_init "$ca" - "$WORK/keys/$ca.key" "$serial" "$md"
    _ca_sign "$ca" "$ca" "$start" "$end" "$ext" "$stem.pem" -selfsign
    cp "$stem.pem" "$WORK/ca/$ca/ca.pem"
    dump "$stem.pem"
}

# issue_ca <parent> <new-ca-id> <out-stem> <subject> <keyspec> <start> <end> <ext> <first-serial> <md>
issue_ca() {
    local parent="$1" ca="$2" stem="$3" subject="$4" spec="$5" start="$6" end="$7" ext="$8" serial="$9" md="${10}"
    issue_cert "$parent" "$ca" "$stem.pem" "$subject" "$spec" "$start" "$end" "$ext"
    dump "$stem.pem"
    ca_init "$ca" "$stem.pem" "$WORK/keys/$ca.key" "$serial" "$md"
}

# device <ca-id> <file-stem> <subject> <keyspec> <start> <end> <ext> <chain...>:
# the device certificate, then the chain it presents, in one file.
device() {
    local ca="$1" stem="$2" subject="$3" spec="$4" start="$5" end="$6" ext="$7"; shift 7
    issue_cert "$ca" "$stem" "$WORK/$stem.pem" "$subject" "$spec" "$start" "$end" "$ext"
    cat "$WORK/$stem.pem" "$@" >"$OUT/$stem.pem"
    dump "$OUT/$stem.pem"
}

# with_serial <ca-id> <hex> <command...>: issue the next certificate of <ca-id> with serial <hex>,
# then restore the CA's serial counter.
with_serial() {
    local ca="$1" hex="$2"; shift 2
    local file="$WORK/ca/$ca/serial" saved
    saved=$(cat "$file")
    echo "$hex" >"$file"
    "$@"
    echo "$saved" >"$file"
}

# der_length <n>: DER length octets of n, as hex.
der_length() {
    local n="$1"
    if [ "$n" -lt 128 ]; then printf '%02x' "$n"
    elif [ "$n" -lt 256 ]; then printf '81%02x' "$n"
    else printf '82%04x' "$n"
    fi
}

# negate_serial <in.pem> <ca-id> <out.pem>: turn the certificate's serial 7F 00 (+0x7F00) into
# FF 00 (-256: same length, still minimal DER), then re-sign the TBSCertificate with the CA key, so the result
# is a correctly signed certificate with a negative serial (OpenSSL will not issue one).
negate_serial() {
    local in="$1" ca="$2" out="$3" der="$WORK/neg.der" tbs="$WORK/neg-tbs.der"
    local line off hl len total
    run openssl x509 -in "$in" -outform DER -out "$der"
    # 0:d=0 certificate, 4:d=1 TBSCertificate, then version (d=2 [0]), serial (first d=2 INTEGER).
    line=$(openssl asn1parse -inform DER -in "$der" | awk '/d=2/ && /INTEGER/ { print; exit }')
    off=$(echo "$line" | sed -E 's/^ *([0-9]+):.*/\1/')
    hl=$(echo "$line" | sed -E 's/.*hl=([0-9]+).*/\1/')
    len=$(echo "$line" | sed -E 's/.*l= *([0-9]+).*/\1/')
    [ "$len" = 2 ] || die "negate_serial: expected a 2-octet serial in $in, got: $line"
    [ "$(xxd -p -s $((off + hl)) -l 2 "$der")" = "7f00" ] || die "negate_serial: serial is not 7F00"
    printf 'ff' | xxd -r -p | dd of="$der" bs=1 seek=$((off + hl)) conv=notrunc status=none
    # TBSCertificate and signatureAlgorithm: the first two d=1 elements.
    local tbs_line alg_line tbs_off tbs_len alg_off alg_len
    tbs_line=$(openssl asn1parse -inform DER -in "$der" | awk '/d=1/ { print; exit }')
    alg_line=$(openssl asn1parse -inform DER -in "$der" | awk '/d=1/ { n++ } /d=1/ && n == 2 { print; exit }')
    tbs_off=$(echo "$tbs_line" | sed -E 's/^ *([0-9]+):.*/\1/')
    tbs_len=$(( $(echo "$tbs_line" | sed -E 's/.*hl=([0-9]+).*/\1/') + $(echo "$tbs_line" | sed -E 's/.*l= *([0-9]+).*/\1/') ))
    alg_off=$(echo "$alg_line" | sed -E 's/^ *([0-9]+):.*/\1/')
    alg_len=$(( $(echo "$alg_line" | sed -E 's/.*hl=([0-9]+).*/\1/') + $(echo "$alg_line" | sed -E 's/.*l= *([0-9]+).*/\1/') ))
    dd if="$der" of="$tbs" bs=1 skip="$tbs_off" count="$tbs_len" status=none
    dd if="$der" of="$WORK/neg-alg.der" bs=1 skip="$alg_off" count="$alg_len" status=none
    run openssl dgst -sha256 -sign "$WORK/ca/$ca/ca.key" -out "$WORK/neg-sig.der" "$tbs"
    local sig_len bitstring_hex body_hex body_len
    sig_len=$(stat -c %s "$WORK/neg-sig.der")
    bitstring_hex="03$(der_length $((sig_len + 1)))00$(xxd -p "$WORK/neg-sig.der" | tr -d '\n')"
    body_hex="$(xxd -p "$tbs" | tr -d '\n')$(xxd -p "$WORK/neg-alg.der" | tr -d '\n')$bitstring_hex"
    body_len=$(( ${#body_hex} / 2 ))
    total="30$(der_length "$body_len")$body_hex"
    echo "$total" | xxd -r -p >"$WORK/neg-out.der"
    run openssl x509 -inform DER -in "$WORK/neg-out.der" -out "$out"
    # The signature must still verify under the CA key.
    run openssl x509 -in "$WORK/ca/$ca/ca.pem" -noout -pubkey -out "$WORK/neg-ca-pub.pem"
    run openssl dgst -sha256 -verify "$WORK/neg-ca-pub.pem" -signature "$WORK/neg-sig.der" "$tbs"
}

# ---------------------------------------------------------------------------
# Wipe generated output (only this directory).
# ---------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT/ca"

DN="/C=US/O=dpslint Rule Test"

# The test CA: P-256 root -> P-256 intermediate (valid until 2035-01-01).
self_sign rule-root "$OUT/ca/root" "$DN/CN=dpslint Rule Test Root CA" p256 \
    "$ROOT_START" "$ROOT_END" root_ca 1000 sha256
issue_ca rule-root rule-int "$OUT/ca/intermediate" "$DN/CN=dpslint Rule Test Intermediate CA" p256 \
    "$INT_START" "$INT_END" int_ca 2000 sha256
INT="$OUT/ca/intermediate.pem"

# --- subject / registration ID -----------------------------------------------------------
device rule-int no-cn         "$DN/OU=no-cn"                  p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
device rule-int two-cns       "/CN=two-cns-a/CN=two-cns-b"    p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
CN64="device-64-$(printf '0%.0s' $(seq 1 54))"     # 64 characters: the X.509 bound, allowed
CN65="device-65-$(printf '0%.0s' $(seq 1 55))"     # 65 characters: one too many
if [ "${#CN64}" != 64 ] || [ "${#CN65}" != 65 ]; then die "CN lengths are wrong"; fi
device rule-int cn-64         "/CN=$CN64"                     p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
device rule-int cn-65         "/CN=$CN65"                     p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
device rule-int uppercase-cn  "/CN=Device-ABC-01"             p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
device rule-int cn-trailing-dot "/CN=device-03."              p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
device rule-int san-mismatch  "/CN=san-device-01"             p256 "$LEAF_START" "$LEAF_END" leaf_san_mismatch "$INT"
device rule-int san-match     "/CN=san-device-02"             p256 "$LEAF_START" "$LEAF_END" leaf_san_match "$INT"

# --- profile ------------------------------------------------------------------------------
device rule-int is-ca         "/CN=is-ca-device"              p256 "$LEAF_START" "$LEAF_END" leaf_is_ca "$INT"

# --- validity: valid until 2040, its issuer only until 2035 ----------------------------------
device rule-int outlives-issuer "/CN=outlives-issuer"         p256 "$LEAF_START" 20400101000000Z leaf "$INT"
cp "$WORK/outlives-issuer.pem" "$OUT/outlives-issuer-leaf-only.pem"
dump "$OUT/outlives-issuer-leaf-only.pem"

# --- serial numbers (RFC 5280 §4.1.2.2) ----------------------------------------------------
with_serial rule-int "01$(printf '00%.0s' $(seq 1 20))" \
    device rule-int serial-21-octets "/CN=serial-21-octets" p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
with_serial rule-int "7F$(printf '11%.0s' $(seq 1 19))" \
    device rule-int serial-20-octets "/CN=serial-20-octets" p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
with_serial rule-int 00 \
    device rule-int serial-zero "/CN=serial-zero" p256 "$LEAF_START" "$LEAF_END" leaf "$INT"
with_serial rule-int 7F00 \
    issue_cert rule-int serial-negative-orig "$WORK/serial-negative-orig.pem" "/CN=serial-negative" \
    p256 "$LEAF_START" "$LEAF_END" leaf
negate_serial "$WORK/serial-negative-orig.pem" rule-int "$WORK/serial-negative.pem"
cat "$WORK/serial-negative.pem" "$INT" >"$OUT/serial-negative.pem"
dump "$OUT/serial-negative.pem"
grep -q 'Serial Number: (Negative)' "$OUT/serial-negative.txt" \
    || grep -q 'Serial Number: -' "$OUT/serial-negative.txt" \
    || die "serial-negative does not have a negative serial"
grep -A1 'Serial Number' "$OUT/serial-zero.txt" | grep -q '0 (0x0)' \
    || die "serial-zero does not have serial 0"

# --- size: RSA-4096 all the way (device TLS buffers are often ~4 KB) ------------
self_sign rsa-root "$OUT/ca/rsa-root" "$DN/CN=dpslint Rule Test RSA Root CA" rsa4096 \
    "$ROOT_START" "$ROOT_END" root_ca 3000 sha256
issue_ca rsa-root rsa-int-1 "$OUT/ca/rsa-intermediate-1" "$DN/CN=dpslint Rule Test RSA Intermediate CA 1" \
    rsa4096 "$INT_START" "$INT_END" int_ca 4000 sha256
issue_ca rsa-int-1 rsa-int-2 "$OUT/ca/rsa-intermediate-2" "$DN/CN=dpslint Rule Test RSA Intermediate CA 2" \
    rsa4096 "$INT_START" "$INT_END" int_ca 5000 sha256
device rsa-int-2 large-chain "/CN=large-chain" rsa4096 "$LEAF_START" "$LEAF_END" leaf_rsa \
    "$OUT/ca/rsa-intermediate-2.pem" "$OUT/ca/rsa-intermediate-1.pem"

# DER size of every certificate in a PEM file, summed.
der_total() {
    local pem="$1" n i=0 sum=0 size
    n=$(grep -c -- '-----BEGIN CERTIFICATE-----' "$pem")
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        size=$(awk -v want="$i" '
            /-----BEGIN CERTIFICATE-----/ { k++ }
            k == want { print }
            k == want && /-----END CERTIFICATE-----/ { exit }
        ' "$pem" | openssl x509 -outform DER | wc -c)
        sum=$((sum + size))
    done
    echo "$sum"
}
[ "$(der_total "$OUT/large-chain.pem")" -gt 4096 ] || die "large-chain.pem is not above 4096 bytes"
[ "$(der_total "$OUT/outlives-issuer.pem")" -lt 4096 ] || die "outlives-issuer.pem is too large"

# ---------------------------------------------------------------------------
# Sanity check: the chains verify with OpenSSL in 2027 (outlives-issuer too: it is valid then).
# ---------------------------------------------------------------------------
AT=$(date -u -d 2027-01-01T00:00:00Z +%s)
check() {  # check <device file> <root>
    openssl verify -attime "$AT" -purpose sslclient -CAfile "$2" -untrusted "$1" "$1" >"$LOG" 2>&1 \
        || { cat "$LOG" >&2; die "sanity check failed: $1"; }
}
for f in no-cn two-cns cn-64 cn-65 uppercase-cn cn-trailing-dot san-mismatch san-match \
         outlives-issuer serial-20-octets; do
    check "$OUT/$f.pem" "$OUT/ca/root.pem"
done
check "$OUT/large-chain.pem" "$OUT/ca/rsa-root.pem"

echo "gen-rule-fixtures: wrote $(find "$OUT" -type f | wc -l) files under testdata/rules/device"
