#!/usr/bin/env bash
# gen-testdata.sh — regenerate dpslint's committed test PKI with the openssl CLI.
#
# Generates (after wiping exactly these directories):
#   testdata/pki/ca/         CA certificates of the verification-case PKI
#   testdata/pki/leaves/     device (end-entity) certificates, one or more per case
#   testdata/pki/malformed/  hand-made unparsable / non-certificate inputs
#   testdata/demo/ca/        the Contoso CAs of the Azure DPS walkthrough
#   testdata/demo/devices/   the device certificate files of that walkthrough
# and next to every generated certificate file X.pem a review dump X.txt
# (`openssl x509 -noout -text`, one dump per certificate in the file).
#
# NOT touched: testdata/pki/manifest.json and testdata/pki/README.md (hand-maintained:
# they hold the expected verdicts and oracle notes) and everything else under
# testdata/demo/ (snapshots etc.).
#
# Every validity date is FIXED (openssl ca -startdate/-enddate), and every serial
# number is deterministic (one serial file per CA, starting at a fixed value; the
# issuance order below is fixed).  Keys are random and are NOT kept (they live in a
# temp dir that is deleted on exit), so re-running changes the bytes of every file
# but not its meaning.  The manifest evaluates all cases at 2030-06-01T00:00:00Z.
#
# Requirements: bash, coreutils, xxd, OpenSSL 3.0+ (`openssl ca` is used because
# OpenSSL 3.0's `openssl x509` cannot set explicit notBefore/notAfter).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKI="$REPO/testdata/pki"
DEMO="$REPO/testdata/demo"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-gen.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"
mkdir -p "$WORK/ca" "$WORK/keys" "$WORK/csr"

# Dates used throughout (YYYYMMDDHHMMSSZ; openssl encodes UTCTime up to 2049,
# GeneralizedTime from 2050 on, as RFC 5280 requires).
ROOT_START=20200101000000Z   ROOT_END=20500101000000Z
INT_START=20200101000000Z    INT_END=20450101000000Z
LEAF_START=20240101000000Z   LEAF_END=20400101000000Z

die() { echo "gen-testdata: $*" >&2; exit 1; }

# run <cmd...>: run quietly, show the openssl output only on failure.
run() {
    if ! "$@" >"$LOG" 2>&1; then
        cat "$LOG" >&2
        die "command failed: $*"
    fi
}

# ---------------------------------------------------------------------------
# Extension profiles (the only extensions a certificate gets are the ones in
# the section named when it is issued; copy_extensions is off).
# ---------------------------------------------------------------------------
EXT="$WORK/extensions.cnf"
cat >"$EXT" <<'EOF'
# --- CA profiles -----------------------------------------------------------
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

[ca_no_pathlen]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ca_not_ca]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ca_no_bc]
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ca_no_certsign]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, digitalSignature
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ca_name_constraints]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
nameConstraints        = critical, permitted;dirName:nc_permitted_dn, permitted;DNS:devices.example.com, excluded;DNS:blocked.devices.example.com

# Encoded in this order: C=US, O=dpslint Test
[nc_permitted_dn]
C = US
O = dpslint Test

# --- end-entity profiles ---------------------------------------------------
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

[leaf_no_eku]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf_any_eku]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = anyExtendedKeyUsage
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf_server_eku]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf_unknown_critical]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.55555.1    = critical, ASN1:UTF8String:dpslint

# OpenSSL 3 adds an AKI by default; "none" suppresses it.
[leaf_no_aki]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = none

[leaf_self_signed]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = none

[leaf_nc_ok]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
subjectAltName         = DNS:nc-ok.devices.example.com

[leaf_nc_dns_violation]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
subjectAltName         = DNS:nc.other.example.net

[leaf_nc_dns_excluded]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
subjectAltName         = DNS:x.blocked.devices.example.com
EOF

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

# keyname <out-stem>: unique name for the temporary key/CSR of a certificate
# (its path below the repository or work dir, with '/' turned into '_').
keyname() { local s="${1#"$REPO"/}"; s="${s#"$WORK"/}"; echo "${s//\//_}"; }

# key_of <out-stem>: path of the (temporary) key generated for that certificate.
key_of() { echo "$WORK/keys/$(keyname "$1").key"; }

# genkey <keyspec> <out.key>: keyspec is rsa1024|rsa2048|rsa4096|p256|p384|secp256k1|ed25519,
# or file:<path> to reuse an existing key (copied).
genkey() {
    local spec="$1" out="$2"
    case "$spec" in
        rsa*)      run openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${spec#rsa}" -out "$out" ;;
        p256)      run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
                       -pkeyopt ec_param_enc:named_curve -out "$out" ;;
        p384)      run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 \
                       -pkeyopt ec_param_enc:named_curve -out "$out" ;;
        secp256k1) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 \
                       -pkeyopt ec_param_enc:named_curve -out "$out" ;;
        ed25519)   run openssl genpkey -algorithm ED25519 -out "$out" ;;
        file:*)    cp "${spec#file:}" "$out" ;;
        *)         die "unknown key spec: $spec" ;;
    esac
}

# dump <file.pem>: write <file>.txt with `openssl x509 -noout -text` of every
# CERTIFICATE block in the file (separated by a marker line when there are several).
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
# Creates an `openssl ca` working directory for a CA.  cert "-" means the CA is
# about to self-sign its own certificate (ca_selfsign).
ca_init() {
    local id="$1" cert="$2" key="$3" serial="$4" md="$5" dir="$WORK/ca/$1"
    [ -d "$dir" ] && die "CA $id initialised twice"
    mkdir -p "$dir/newcerts"
    : >"$dir/index.txt"
    echo "unique_subject = no" >"$dir/index.txt.attr"
    echo "$serial" >"$dir/serial"
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
default_md      = $md
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

# make_csr <name> <subject> <keyspec>: key -> $WORK/keys/<name>.key, CSR -> $WORK/csr/<name>.csr
make_csr() {
    local name="$1" subject="$2" spec="$3"
    [ -e "$WORK/keys/$name.key" ] && die "key name reused: $name"
    genkey "$spec" "$WORK/keys/$name.key"
    run openssl req -new -key "$WORK/keys/$name.key" -subj "$subject" -out "$WORK/csr/$name.csr"
}

# Optional per-call overrides: MD=<digest> (signature hash), VERSION1=1 (no extensions:
# `openssl ca` then emits an X.509 v1 certificate).
_ca_sign() {
    local ca="$1" name="$2" start="$3" end="$4" ext="$5" out="$6"; shift 6
    local dir="$WORK/ca/$ca"
    local args=(-batch -notext -preserveDN -config "$dir/ca.cnf"
                -startdate "$start" -enddate "$end"
                -in "$WORK/csr/$name.csr" -out "$out")
    [ -n "${MD:-}" ] && args+=(-md "$MD")
    [ -z "${VERSION1:-}" ] && args+=(-extfile "$EXT" -extensions "$ext")
    run openssl ca "${args[@]}" "$@"
}

# issue_cert <ca-id> <out-stem> <subject> <keyspec> <start> <end> <extsection>
# Issues <out-stem>.pem (and its .txt dump) under CA <ca-id>; the key is kept in
# $(key_of <out-stem>) for the rest of the run.
issue_cert() {
    local ca="$1" stem="$2" subject="$3" spec="$4" start="$5" end="$6" ext="$7"
    local name; name="$(keyname "$stem")"
    make_csr "$name" "$subject" "$spec"
    mkdir -p "$(dirname "$stem")"
    _ca_sign "$ca" "$name" "$start" "$end" "$ext" "$stem.pem"
    dump "$stem.pem"
}

# self_sign <ca-id> <out-stem> <subject> <keyspec> <start> <end> <extsection> <first-serial> <md>
# Creates a self-signed certificate and registers it as CA <ca-id> (so it can issue).
self_sign() {
    local ca="$1" stem="$2" subject="$3" spec="$4" start="$5" end="$6" ext="$7" serial="$8" md="$9"
    local name; name="$(keyname "$stem")"
    make_csr "$name" "$subject" "$spec"
    ca_init "$ca" - "$WORK/keys/$name.key" "$serial" "$md"
    mkdir -p "$(dirname "$stem")"
    _ca_sign "$ca" "$name" "$start" "$end" "$ext" "$stem.pem" -selfsign
    cp "$stem.pem" "$WORK/ca/$ca/ca.pem"
    dump "$stem.pem"
}

# issue_ca <parent-ca> <new-ca-id> <out-stem> <subject> <keyspec> <start> <end> <extsection> <first-serial> <md>
# Issues a CA certificate and registers it as CA <new-ca-id>.
issue_ca() {
    local parent="$1" ca="$2" stem="$3" subject="$4" spec="$5" start="$6" end="$7" ext="$8" serial="$9" md="${10}"
    issue_cert "$parent" "$stem" "$subject" "$spec" "$start" "$end" "$ext"
    ca_init "$ca" "$stem.pem" "$(key_of "$stem")" "$serial" "$md"
}


# concat <out.pem> <in.pem...>: a device-style file (leaf first, then its chain).
concat() {
    local out="$1"; shift
    cat "$@" >"$out"
    dump "$out"
}

# flip_last_signature_byte <in.pem> <out.pem>: XOR 0x01 into the last byte of the DER,
# which is the last content byte of the signature (the s INTEGER of an ECDSA signature):
# the certificate still parses but its signature no longer verifies.
flip_last_signature_byte() {
    local der="$WORK/flip.der" size last new
    run openssl x509 -in "$1" -outform DER -out "$der"
    size=$(stat -c %s "$der")
    last=$(tail -c 1 "$der" | xxd -p)
    new=$(printf '%02x' $(( 0x$last ^ 0x01 )))
    printf '%s' "$new" | xxd -r -p | dd of="$der" bs=1 seek=$((size - 1)) conv=notrunc status=none
    run openssl x509 -inform DER -in "$der" -out "$2"
    dump "$2"
}

# ---------------------------------------------------------------------------
# Wipe generated output (only these directories).
# ---------------------------------------------------------------------------
rm -rf "$PKI/ca" "$PKI/leaves" "$PKI/malformed" "$PKI/bundles" "$DEMO/ca" "$DEMO/devices"
mkdir -p "$PKI/ca" "$PKI/leaves" "$PKI/malformed" "$DEMO/ca" "$DEMO/devices"

CA="$PKI/ca"
LV="$PKI/leaves"
DN="/C=US/O=dpslint Test"

# ===========================================================================
# testdata/pki: the main hierarchy
# ===========================================================================
self_sign root "$CA/root" "$DN/CN=dpslint Test Root CA" p384 \
    "$ROOT_START" "$ROOT_END" root_ca 1000 sha384

issue_ca root production "$CA/production" "$DN/CN=dpslint Production Intermediate CA" p256 \
    "$INT_START" "$INT_END" int_ca 2000 sha256
issue_ca root testing "$CA/testing" "$DN/CN=dpslint Testing Intermediate CA" rsa2048 \
    "$INT_START" "$INT_END" int_ca 3000 sha256
# Ed25519 signs with no separate digest: `-md default` lets openssl pick "none".
issue_ca root development "$CA/development" "$DN/CN=dpslint Development Intermediate CA" ed25519 \
    "$INT_START" "$INT_END" int_ca 4000 default

# --- valid leaves ------------------------------------------------------------
issue_cert testing     "$LV/valid-rsa2048" "/CN=valid-rsa2048" rsa2048 "$LEAF_START" "$LEAF_END" leaf_rsa
issue_cert testing     "$LV/valid-rsa4096" "/CN=valid-rsa4096" rsa4096 "$LEAF_START" "$LEAF_END" leaf_rsa
issue_cert production  "$LV/valid-p256"    "/CN=valid-p256"    p256    "$LEAF_START" "$LEAF_END" leaf
issue_cert production  "$LV/valid-p384"    "/CN=valid-p384"    p384    "$LEAF_START" "$LEAF_END" leaf
issue_cert development "$LV/valid-ed25519" "/CN=valid-ed25519" ed25519 "$LEAF_START" "$LEAF_END" leaf
issue_cert production  "$LV/valid-no-eku"  "/CN=valid-no-eku"  p256    "$LEAF_START" "$LEAF_END" leaf_no_eku
issue_cert production  "$LV/valid-any-eku" "/CN=valid-any-eku" p256    "$LEAF_START" "$LEAF_END" leaf_any_eku

run openssl x509 -in "$LV/valid-p256.pem" -outform DER -out "$LV/valid-p256.der"

# valid-bundle.pem: leaf + production intermediate, with text around the PEM blocks.
{
    echo "# dpslint test bundle: a device certificate followed by its issuing CA."
    echo "# Text outside the PEM blocks must be ignored by the reader."
    openssl x509 -in "$LV/valid-p256.pem" -noout -subject -issuer
    cat "$LV/valid-p256.pem"
    echo
    echo "Issuing CA (openssl x509 -text output follows):"
    openssl x509 -in "$CA/production.pem" -noout -text
    cat "$CA/production.pem"
    echo "# end of bundle"
} >"$LV/valid-bundle.pem"
dump "$LV/valid-bundle.pem"

# with-private-key.pem: a valid leaf followed by (its own, throwaway) PKCS#8 private key.
issue_cert production "$LV/with-private-key" "/CN=with-private-key" p256 "$LEAF_START" "$LEAF_END" leaf
run openssl pkey -in "$(key_of "$LV/with-private-key")" -out "$WORK/with-private-key.p8"
cat "$WORK/with-private-key.p8" >>"$LV/with-private-key.pem"
dump "$LV/with-private-key.pem"

# --- failure fixtures ----------------------------------------------------------
# Validity
issue_cert production "$LV/expired"       "/CN=expired"       p256 20190101000000Z 20210101000000Z leaf
issue_cert production "$LV/not-yet-valid" "/CN=not-yet-valid" p256 20310101000000Z 20400101000000Z leaf

issue_ca root expired-int "$CA/expired-intermediate" "$DN/CN=dpslint Expired Intermediate CA" p256 \
    20200101000000Z 20250101000000Z int_ca 5000 sha256
issue_cert expired-int "$LV/expired-intermediate" "/CN=expired-intermediate" p256 "$LEAF_START" "$LEAF_END" leaf

# Signature
issue_cert production "$WORK/bad-signature-orig" "/CN=bad-signature" p256 "$LEAF_START" "$LEAF_END" leaf
flip_last_signature_byte "$WORK/bad-signature-orig.pem" "$LV/bad-signature.pem"

# Same subject DN as production, different key; the leaf has no AKI so only the
# signature tells the two CAs apart.
issue_ca root impostor "$CA/impostor-production" "$DN/CN=dpslint Production Intermediate CA" p256 \
    "$INT_START" "$INT_END" int_ca 6000 sha256
issue_cert impostor "$LV/same-dn-impostor" "/CN=same-dn-impostor" p256 "$LEAF_START" "$LEAF_END" leaf_no_aki

# Issuer is not a CA
issue_ca root not-ca "$CA/not-ca-intermediate" "$DN/CN=dpslint Not-CA Intermediate CA" p256 \
    "$INT_START" "$INT_END" ca_not_ca 7000 sha256
issue_cert not-ca "$LV/issuer-not-ca" "/CN=issuer-not-ca" p256 "$LEAF_START" "$LEAF_END" leaf

issue_ca root no-bc "$CA/no-bc-intermediate" "$DN/CN=dpslint No-BC Intermediate CA" p256 \
    "$INT_START" "$INT_END" ca_no_bc 7100 sha256
issue_cert no-bc "$LV/issuer-no-bc" "/CN=issuer-no-bc" p256 "$LEAF_START" "$LEAF_END" leaf

VERSION1=1 issue_ca root v1 "$CA/v1-intermediate" "$DN/CN=dpslint V1 Intermediate CA" p256 \
    "$INT_START" "$INT_END" none 7200 sha256
openssl x509 -in "$CA/v1-intermediate.pem" -noout -text | grep -q 'Version: 1 (0x0)' \
    || die "v1-intermediate is not an X.509 v1 certificate"
# A v1 CA has no SKI for an AKI keyid to point at, so this leaf carries no AKI.
issue_cert v1 "$LV/v1-intermediate" "/CN=v1-intermediate" p256 "$LEAF_START" "$LEAF_END" leaf_no_aki

# Path length
issue_ca root pathlen0 "$CA/pathlen0-intermediate" "$DN/CN=dpslint Pathlen0 Intermediate CA" p256 \
    "$INT_START" "$INT_END" int_ca 7300 sha256
issue_ca pathlen0 sub "$CA/sub-intermediate" "$DN/CN=dpslint Sub Intermediate CA" p256 \
    "$INT_START" "$INT_END" ca_no_pathlen 7400 sha256
issue_cert sub "$LV/path-length-exceeded" "/CN=path-length-exceeded" p256 "$LEAF_START" "$LEAF_END" leaf

# keyUsage without keyCertSign on an issuer
issue_ca root no-certsign "$CA/no-certsign-intermediate" "$DN/CN=dpslint No-CertSign Intermediate CA" p256 \
    "$INT_START" "$INT_END" ca_no_certsign 7500 sha256
issue_cert no-certsign "$LV/key-usage-no-cert-sign" "/CN=key-usage-no-cert-sign" p256 "$LEAF_START" "$LEAF_END" leaf

# Extended key usage / extensions
issue_cert production "$LV/eku-server-auth" "/CN=eku-server-auth" p256 "$LEAF_START" "$LEAF_END" leaf_server_eku
issue_cert production "$LV/unknown-critical-extension" "/CN=unknown-critical-extension" p256 \
    "$LEAF_START" "$LEAF_END" leaf_unknown_critical

# Algorithms
MD=sha1 issue_cert testing "$LV/sha1-signature" "/CN=sha1-signature" p256 "$LEAF_START" "$LEAF_END" leaf
MD=md5  issue_cert testing "$LV/md5-signature"  "/CN=md5-signature"  p256 "$LEAF_START" "$LEAF_END" leaf
openssl x509 -in "$LV/md5-signature.pem" -noout -text | grep -q 'Signature Algorithm: md5WithRSAEncryption' \
    || die "md5-signature is not signed with MD5"
issue_cert testing    "$LV/rsa1024"       "/CN=rsa1024"       rsa1024   "$LEAF_START" "$LEAF_END" leaf_rsa
issue_cert production "$LV/secp256k1-key" "/CN=secp256k1-key" secp256k1 "$LEAF_START" "$LEAF_END" leaf

# Self-signed end entity
self_sign self-leaf "$LV/self-signed-leaf" "/CN=self-signed-leaf" p256 \
    "$LEAF_START" "$LEAF_END" leaf_self_signed 7600 sha256

# Cross-signing: one key K, one subject, two issuers (root, old-root); the
# old-root certificate expired in 2025.
self_sign old-root "$CA/old-root" "$DN/CN=dpslint Old Root CA" p256 \
    "$ROOT_START" "$INT_END" root_ca 8000 sha256
genkey p256 "$WORK/cross-K.key"
issue_ca root cross "$CA/cross-intermediate-by-root" "$DN/CN=dpslint Cross Intermediate CA" \
    "file:$WORK/cross-K.key" "$INT_START" "$INT_END" int_ca 8100 sha256
issue_cert old-root "$CA/cross-intermediate-by-old-root" "$DN/CN=dpslint Cross Intermediate CA" \
    "file:$WORK/cross-K.key" 20200101000000Z 20250101000000Z int_ca
issue_cert cross "$LV/cross-signed" "/CN=cross-signed" p256 "$LEAF_START" "$LEAF_END" leaf

# Loop: A is signed by B's key, B by A's key.  A temporary self-signed "B" (same
# subject and key as the final B, never written out) signs A first.
genkey p256 "$WORK/loop-B.key"
self_sign loop-b0 "$WORK/loop-b0" "$DN/CN=dpslint Loop CA B" "file:$WORK/loop-B.key" \
    "$INT_START" "$INT_END" root_ca 8200 sha256
issue_ca loop-b0 loop-a "$CA/loop-ca-a" "$DN/CN=dpslint Loop CA A" p256 \
    "$INT_START" "$INT_END" ca_no_pathlen 8300 sha256
issue_cert loop-a "$CA/loop-ca-b" "$DN/CN=dpslint Loop CA B" "file:$WORK/loop-B.key" \
    "$INT_START" "$INT_END" ca_no_pathlen
issue_cert loop-a "$LV/loop" "/CN=loop" p256 "$LEAF_START" "$LEAF_END" leaf

# Name constraints
issue_ca root nc "$CA/nc-intermediate" "$DN/CN=dpslint NC Intermediate CA" p256 \
    "$INT_START" "$INT_END" ca_name_constraints 9000 sha256
issue_cert nc "$LV/nc-ok"                "$DN/CN=nc-ok"          p256 "$LEAF_START" "$LEAF_END" leaf_nc_ok
issue_cert nc "$LV/nc-dirname-violation" "/C=US/O=Other Org/CN=nc-dir" p256 "$LEAF_START" "$LEAF_END" leaf
issue_cert nc "$LV/nc-dns-violation"     "$DN/CN=nc-dns"         p256 "$LEAF_START" "$LEAF_END" leaf_nc_dns_violation
issue_cert nc "$LV/nc-dns-excluded"      "$DN/CN=nc-dns-excluded" p256 "$LEAF_START" "$LEAF_END" leaf_nc_dns_excluded

# ===========================================================================
# testdata/pki/malformed: inputs that are not (parsable) certificates
# ===========================================================================
M="$PKI/malformed"
: >"$M/empty.pem"
lines=$(wc -l <"$LV/valid-p256.pem")
head -n $((lines / 2)) "$LV/valid-p256.pem" >"$M/truncated.pem"
cat >"$M/bad-base64.pem" <<'EOF'
-----BEGIN CERTIFICATE-----
MIIB!!!!this*is*not*base64@@@@####$$$$%%%%^^^^&&&&(((())))~~~~
%%%%....,,,,;;;;::::''''""""<<<<>>>>????||||\\\\[[[[]]]]{{{{}}}}
-----END CERTIFICATE-----
EOF
for i in $(seq 0 255); do printf '%02x' $(( (i * 37 + 11) % 256 )); done | xxd -r -p >"$M/garbage.bin"
head -c 100 "$LV/valid-p256.der" >"$M/truncated.der"
make_csr csr-not-a-cert "/CN=csr-not-a-cert" p256
cp "$WORK/csr/csr-not-a-cert.csr" "$M/csr.pem"
cat >"$M/text-only.pem" <<'EOF'
This file is plain text. It contains no PEM block at all,
just words a careless user might save with a .pem extension.
EOF
{
    echo "-----BEGIN CERTIFICATE-----"
    for _ in 1 2 3 4 5 6 7 8; do printf 'hello world '; done | base64 -w 64
    echo "-----END CERTIFICATE-----"
} >"$M/corrupt-inside.pem"

# ===========================================================================
# testdata/demo: the Azure DPS walkthrough scenario
# ===========================================================================
DCA="$DEMO/ca"
DDEV="$DEMO/devices"
CDN="/C=US/O=Contoso"

self_sign contoso-root "$DCA/my-root-ca" "$CDN/CN=Contoso IoT Root CA" p384 \
    20240101000000Z 20440101000000Z root_ca 1000 sha384
issue_ca contoso-root contoso-int "$DCA/my-intermediate-ca" "$CDN/CN=Contoso IoT Intermediate CA" p256 \
    20240101000000Z 20340101000000Z int_ca 2000 sha256
issue_ca contoso-root customer-a "$DCA/customer-a-intermediate-ca" "$CDN/CN=Customer A Intermediate CA" p256 \
    20240101000000Z 20340101000000Z int_ca 3000 sha256

DEV_START=20250101000000Z DEV_END=20300101000000Z
D="$WORK/demo"
mkdir -p "$D"

# device <ca-id> <file-stem> <CN> <start> <end> <chain...>: leaf, then chain, in one file.
device() {
    local ca="$1" stem="$2" cn="$3" start="$4" end="$5"; shift 5
    issue_cert "$ca" "$D/$stem" "/CN=$cn" p256 "$start" "$end" leaf
    concat "$DDEV/$stem.pem" "$D/$stem.pem" "$@"
}

device contoso-int device-1        device-1        "$DEV_START" "$DEV_END" "$DCA/my-intermediate-ca.pem"
device contoso-int device-2        device-2        "$DEV_START" "$DEV_END" "$DCA/my-intermediate-ca.pem"
device contoso-int device-001      device-001      "$DEV_START" "$DEV_END" "$DCA/my-intermediate-ca.pem"
device contoso-int sensor-042      sensor-042      "$DEV_START" "$DEV_END" "$DCA/my-intermediate-ca.pem"
device customer-a  customer-a-0001 customer-a-0001 "$DEV_START" "$DEV_END" "$DCA/customer-a-intermediate-ca.pem"
device customer-a  customer-a-0002 customer-a-0002 "$DEV_START" "$DEV_END"    # leaf only
device contoso-int device-expired  device-expired  20230101000000Z 20250601000000Z "$DCA/my-intermediate-ca.pem"
device contoso-int sensor-bad-cn   "Sensor 42"     "$DEV_START" "$DEV_END" "$DCA/my-intermediate-ca.pem"

# A device from a CA that is not part of the demo's CA set.
self_sign rogue "$D/rogue-ca" "/CN=Rogue CA" p256 20240101000000Z 20440101000000Z root_ca 1000 sha256
device rogue rogue-device rogue-device "$DEV_START" "$DEV_END" "$D/rogue-ca.pem"

# ===========================================================================
# Sanity check: the valid chains verify with OpenSSL at the evaluation time.
# ===========================================================================
AT=$(date -u -d 2030-06-01T00:00:00Z +%s)
check() {  # check <leaf> <trust> [untrusted]   (AT may be overridden per call)
    local args=(-attime "$AT" -purpose sslclient -auth_level 2 -partial_chain -CAfile "$2")
    [ -n "${3:-}" ] && args+=(-untrusted "$3")
    openssl verify "${args[@]}" "$1" >"$LOG" 2>&1 || { cat "$LOG" >&2; die "sanity check failed: $1"; }
}
check "$LV/valid-p256.pem"    "$CA/root.pem" "$CA/production.pem"
check "$LV/valid-p384.pem"    "$CA/root.pem" "$CA/production.pem"
check "$LV/valid-rsa2048.pem" "$CA/root.pem" "$CA/testing.pem"
check "$LV/valid-rsa4096.pem" "$CA/root.pem" "$CA/testing.pem"
check "$LV/valid-ed25519.pem" "$CA/root.pem" "$CA/development.pem"
check "$LV/nc-ok.pem"         "$CA/root.pem" "$CA/nc-intermediate.pem"
# The demo devices are valid 2025..2030, so check them in 2027.
AT=$(date -u -d 2027-01-01T00:00:00Z +%s) check "$DDEV/device-1.pem" "$DCA/my-root-ca.pem" "$DDEV/device-1.pem"

echo "gen-testdata: wrote $(find "$PKI/ca" "$PKI/leaves" "$PKI/malformed" "$DEMO/ca" "$DEMO/devices" -type f | wc -l) files under testdata/"
