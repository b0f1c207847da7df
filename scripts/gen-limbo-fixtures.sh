#!/usr/bin/env bash
# gen-limbo-fixtures.sh — one small chain per x509-limbo (github.com/C2SP/x509-limbo) test case
# dpslint used to disagree with, made with the openssl CLI (testdata/limbo/README.md maps each
# file to its limbo test case id and to the outcome tests/cli/limbo_cli_test.cpp expects).
#
# Wipes and rewrites testdata/limbo/ except README.md. Dates are fixed (openssl ca
# -startdate/-enddate; every chain is meant to be checked at 2030-06-01T00:00:00Z), serials
# are fixed per CA, keys are random P-256 keys that are not kept. Certificates no openssl
# configuration can express (a duplicate extension, a negative serial) are issued with a
# placeholder of the same length, patched in DER and signed again with the issuer's key.
#
# Requirements: bash, coreutils, xxd, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/testdata/limbo"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-limbo.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"

ROOT_START=20200101000000Z ROOT_END=20500101000000Z
INT_START=20200101000000Z  INT_END=20450101000000Z
LEAF_START=20240101000000Z LEAF_END=20400101000000Z

die() { echo "gen-limbo-fixtures: $*" >&2; exit 1; }
run() { "$@" >"$LOG" 2>&1 || { cat "$LOG" >&2; die "command failed: $*"; }; }

find "$OUT" -mindepth 1 ! -name README.md -delete 2>/dev/null || true
mkdir -p "$OUT"

EXT="$WORK/ext.cnf"

# Base extension profiles; `section` derives every other one from them.
CA_BASE=("basicConstraints=critical, CA:TRUE" "keyUsage=critical, keyCertSign, cRLSign"
         "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid:always")
LEAF_BASE=("basicConstraints=critical, CA:FALSE" "keyUsage=critical, digitalSignature"
           "extendedKeyUsage=clientAuth" "subjectKeyIdentifier=hash"
           "authorityKeyIdentifier=keyid:always" "subjectAltName=DNS:example.com")

# section <name> ca|leaf [key=value | -key]...: the base profile with each key set to the
# value given (appended when the base lacks it) or left out (-key).
section() {
    local name="$1" base="$2" line key change done
    shift 2
    local -a lines
    if [ "$base" = ca ]; then lines=("${CA_BASE[@]}"); else lines=("${LEAF_BASE[@]}"); fi
    echo "[$name]"
    for line in "${lines[@]}"; do
        key="${line%%=*}" done=0
        for change in "$@"; do
            if [ "$change" = "-$key" ]; then done=1; fi
            if [ "${change%%=*}" = "$key" ]; then echo "$change"; done=1; fi
        done
        [ "$done" -eq 1 ] || echo "$line"
    done
    for change in "$@"; do
        [[ "$change" == -* ]] && continue
        printf '%s\n' "${lines[@]}" | grep -q "^${change%%=*}=" || echo "$change"
    done
    echo
}

{
section root ca "authorityKeyIdentifier=none"
section intermediate ca
section leaf leaf
# name constraints
section root_nc_example ca "authorityKeyIdentifier=none" "subjectAltName=DNS:not-example.com" \
    "nameConstraints=critical, permitted;DNS:example.com"
section intermediate_san_not_example ca "subjectAltName=DNS:not-example.com"
section leaf_not_example leaf "subjectAltName=DNS:not-example.com"
section leaf_nc_critical leaf "nameConstraints=critical, permitted;DNS:example.com"
section leaf_nc_noncritical leaf "nameConstraints=permitted;DNS:example.com"
# iPAddress constraint of 4 octets (an address, not address and mask)
section root_nc_bad_ip ca "authorityKeyIdentifier=none" \
    "2.5.29.30=critical, DER:300AA008300687047F000001"
section leaf_ip leaf "subjectAltName=IP:127.0.0.1"
# malformed extensions; 2.5.29.99 is a placeholder patched into a second subjectAltName
section leaf_duplicate_san leaf "2.5.29.99=DER:300D820B6578616D706C652E636F6D"
# subjectAltName holding the ASCII bytes of "example.com" instead of GeneralNames
section leaf_malformed_san leaf -subjectAltName "2.5.29.17=DER:6578616D706C652E636F6D"
# an iPAddress of 3 octets
section leaf_san_bad_ip leaf -subjectAltName "2.5.29.17=DER:30058703010203"
section leaf_empty_eku leaf -extendedKeyUsage "2.5.29.37=DER:3000"
# RFC 5280 section 4 profile
section leaf_no_aki leaf "authorityKeyIdentifier=none"
section leaf_critical_aki leaf "authorityKeyIdentifier=critical, keyid:always"
section leaf_key_cert_sign leaf "keyUsage=critical, digitalSignature, keyCertSign"
section leaf_san_not_critical leaf
# An issuer without subjectKeyIdentifier can only be named by issuer and serial.
section leaf_issuer_serial_aki leaf "authorityKeyIdentifier=issuer:always"
section intermediate_no_aki ca "authorityKeyIdentifier=none"
section intermediate_no_ski ca "subjectKeyIdentifier=none"
section intermediate_bc_not_critical ca "basicConstraints=CA:TRUE"
section intermediate_pc_not_critical ca "policyConstraints=requireExplicitPolicy:3"
# name-constraint work bound: 2049 permitted and 2048 excluded dNSNames against 2048 SANs
section root_nc_many ca "authorityKeyIdentifier=none" "nameConstraints=critical$(
    for i in $(seq 0 2047); do printf ', permitted;DNS:t%d.test' "$i"; done
    printf ', permitted;DNS:test'
    for i in $(seq 0 2047); do printf ', excluded;DNS:x%d.test' "$i"; done)"
section leaf_many_names leaf "subjectAltName=critical$(
    for i in $(seq 0 2047); do printf ', DNS:t%d.test' "$i"; done)"
} >"$EXT"

# ca_init <id> <key> <cert|-> <first-serial-hex>
ca_init() {
    local dir="$WORK/ca/$1"
    mkdir -p "$dir/newcerts"
    : >"$dir/index.txt"
    echo "unique_subject = no" >"$dir/index.txt.attr"
    echo "$4" >"$dir/serial"
    cp "$2" "$dir/ca.key"
    [ "$3" != "-" ] && cp "$3" "$dir/ca.pem"
    cat >"$dir/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = $dir
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir/newcerts
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
preserve = yes
[ policy_any ]
commonName = optional
EOF
}

# issue <ca-id|self:<id>> <out.pem> <subject> <ext-section> <start> <end> [serial-hex]
# Leaves the new key in <out>.key (in $WORK) for certificates that issue others.
issue() {
    local ca="$1" out="$2" subject="$3" ext="$4" start="$5" end="$6" serial="${7:-}"
    local name; name="$(echo "${out#"$OUT"/}" | tr / _)"
    local key="$WORK/$name.key" csr="$WORK/$name.csr" selfsign=()
    run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
        -pkeyopt ec_param_enc:named_curve -out "$key"
    run openssl req -new -key "$key" -subj "$subject" -out "$csr"
    if [[ "$ca" == self:* ]]; then
        ca="${ca#self:}"
        ca_init "$ca" "$key" - 01
        selfsign=(-selfsign)
    fi
    local dir="$WORK/ca/$ca"
    [ -n "$serial" ] && echo "$serial" >"$dir/serial"
    mkdir -p "$(dirname "$out")"
    run openssl ca -batch -notext -preserveDN -config "$dir/ca.cnf" -startdate "$start" \
        -enddate "$end" -in "$csr" -out "$out" -extfile "$EXT" -extensions "$ext" \
        "${selfsign[@]}"
    [ ${#selfsign[@]} -gt 0 ] && cp "$out" "$dir/ca.pem"
    echo "$key" >"$WORK/last-key"
}

# register_ca <id> <cert.pem>: the certificate just issued can issue certificates itself.
register_ca() { ca_init "$1" "$(cat "$WORK/last-key")" "$2" 01; }

# der_length <n>: DER length octets in hex.
der_length() {
    local n="$1"
    if [ "$n" -lt 128 ]; then printf '%02x' "$n"
    elif [ "$n" -lt 256 ]; then printf '81%02x' "$n"
    else printf '82%04x' "$n"; fi
}

# element_size <hex> <offset-in-hex-chars>: whole size in bytes of the DER element there.
element_size() {
    local hex="$1" at="$2" first
    first=$((16#${hex:at+2:2}))
    if [ "$first" -lt 128 ]; then echo $((2 + first))
    elif [ "$first" -eq 129 ]; then echo $((3 + 16#${hex:at+4:2}))
    else echo $((4 + 16#${hex:at+4:4})); fi
}

# patch <cert.pem> <issuer-ca-id> <from-hex> <to-hex>: replaces the first occurrence of
# <from-hex> in the DER (same length) and signs the TBSCertificate again (ecdsa-with-SHA256).
patch() {
    local pem="$1" ca="$2" from="$3" to="$4" hex tbs_at tbs_size tbs alg sig body
    [ ${#from} -eq ${#to} ] || die "patch must keep the length"
    hex="$(openssl x509 -in "$pem" -outform DER | xxd -p | tr -d '\n')"
    [[ "$hex" == *"$from"* ]] || die "patch: $from not found in $pem"
    hex="${hex/"$from"/"$to"}"
    case "${hex:2:2}" in  # the outer SEQUENCE's header: 2, 3 or 4 octets
        81) tbs_at=6 ;;
        82) tbs_at=8 ;;
        *) tbs_at=4 ;;
    esac
    tbs_size=$(element_size "$hex" "$tbs_at")
    tbs="${hex:tbs_at:tbs_size*2}"
    alg="300a06082a8648ce3d040302"
    echo "$tbs" | xxd -r -p >"$WORK/tbs.bin"
    run openssl dgst -sha256 -sign "$WORK/ca/$ca/ca.key" -out "$WORK/sig.bin" "$WORK/tbs.bin"
    sig="00$(xxd -p "$WORK/sig.bin" | tr -d '\n')"
    body="$tbs$alg""03$(der_length $(( ${#sig} / 2 )))$sig"
    echo "30$(der_length $(( ${#body} / 2 )))$body" | xxd -r -p |
        openssl x509 -inform DER -out "$pem" 2>"$LOG" || { cat "$LOG" >&2; die "patch of $pem failed"; }
}

dump() { openssl x509 -in "$1" -noout -text >"${1%.pem}.txt"; }

# --- the shared root and intermediate -------------------------------------------
issue self:root "$OUT/ca/root.pem" "/CN=dpslint limbo root" root "$ROOT_START" "$ROOT_END"
issue root "$OUT/ca/intermediate.pem" "/CN=dpslint limbo intermediate" intermediate \
    "$INT_START" "$INT_END" 10
register_ca ica "$OUT/ca/intermediate.pem"
issue ica "$OUT/ca/leaf.pem" "/CN=example.com" leaf "$LEAF_START" "$LEAF_END" 1000

# --- rfc5280::nc::permitted-self-issued, rfc5280::nc::excluded-self-issued-leaf --------
issue self:ncroot "$OUT/nc-self-issued/root.pem" "/CN=not-example.com" root_nc_example \
    "$ROOT_START" "$ROOT_END"
issue ncroot "$OUT/nc-self-issued/intermediate.pem" "/CN=not-example.com" \
    intermediate_san_not_example "$INT_START" "$INT_END" 10
register_ca ncica "$OUT/nc-self-issued/intermediate.pem"
issue ncica "$OUT/nc-self-issued/leaf.pem" "/CN=example.com" leaf "$LEAF_START" "$LEAF_END" 1000
issue ncica "$OUT/nc-self-issued/leaf-self-issued.pem" "/CN=not-example.com" leaf_not_example \
    "$LEAF_START" "$LEAF_END" 1001

# --- rfc5280::nc::not-allowed-in-ee-critical / -noncritical ---------------------
issue ica "$OUT/nc-in-leaf/leaf-critical.pem" "/CN=example.com" leaf_nc_critical \
    "$LEAF_START" "$LEAF_END" 1100
issue ica "$OUT/nc-in-leaf/leaf-noncritical.pem" "/CN=example.com" leaf_nc_noncritical \
    "$LEAF_START" "$LEAF_END" 1101

# --- rfc5280::nc::invalid-ipv4-address ------------------------------------------
issue self:ipnc "$OUT/nc-bad-ip/root.pem" "/CN=dpslint limbo bad ip constraint root" \
    root_nc_bad_ip "$ROOT_START" "$ROOT_END"
issue ipnc "$OUT/nc-bad-ip/leaf.pem" "/CN=example.com" leaf_ip "$LEAF_START" "$LEAF_END" 1000

# --- pathological::nc-dos-2 -------------------------------------------------------
issue self:many "$OUT/nc-work/root.pem" "/CN=dpslint limbo many constraints root" root_nc_many \
    "$ROOT_START" "$ROOT_END"
issue many "$OUT/nc-work/leaf.pem" "/" leaf_many_names "$LEAF_START" "$LEAF_END" 1000

# --- malformed but parseable certificates -----------------------------------------
issue ica "$OUT/malformed/leaf-duplicate-san.pem" "/CN=example.com" leaf_duplicate_san \
    "$LEAF_START" "$LEAF_END" 1200
patch "$OUT/malformed/leaf-duplicate-san.pem" ica 0603551d63 0603551d11
issue ica "$OUT/malformed/leaf-malformed-san.pem" "/CN=example.com" leaf_malformed_san \
    "$LEAF_START" "$LEAF_END" 1201
issue ica "$OUT/malformed/leaf-san-bad-ip.pem" "/CN=example.com" leaf_san_bad_ip \
    "$LEAF_START" "$LEAF_END" 1202
issue ica "$OUT/malformed/leaf-empty-eku.pem" "/CN=example.com" leaf_empty_eku \
    "$LEAF_START" "$LEAF_END" 1203

# --- RFC 5280 section 4 profile (valid paths; failures with verify --strict) -----------
issue ica "$OUT/profile/leaf-missing-aki.pem" "/CN=example.com" leaf_no_aki \
    "$LEAF_START" "$LEAF_END" 1300
issue ica "$OUT/profile/leaf-critical-aki.pem" "/CN=example.com" leaf_critical_aki \
    "$LEAF_START" "$LEAF_END" 1301
issue ica "$OUT/profile/leaf-key-cert-sign.pem" "/CN=example.com" leaf_key_cert_sign \
    "$LEAF_START" "$LEAF_END" 1302
issue ica "$OUT/profile/leaf-empty-subject-san-not-critical.pem" "/" leaf_san_not_critical \
    "$LEAF_START" "$LEAF_END" 1303
issue ica "$OUT/profile/leaf-serial-zero.pem" "/CN=example.com" leaf "$LEAF_START" "$LEAF_END" 00
# 20 significant octets with the top bit set: 21 content octets
issue ica "$OUT/profile/leaf-serial-21-octets.pem" "/CN=example.com" leaf "$LEAF_START" \
    "$LEAF_END" 8000000000000000000000000000000000000001
# Issued with serial 0x7F, patched to -1 (0xFF).
issue ica "$OUT/profile/leaf-serial-negative.pem" "/CN=example.com" leaf "$LEAF_START" \
    "$LEAF_END" 7F
patch "$OUT/profile/leaf-serial-negative.pem" ica a00302010202017f a0030201020201ff
serial=20
for variant in no_aki no_ski bc_not_critical pc_not_critical; do
    stem="$OUT/profile/intermediate-${variant//_/-}"
    serial=$((serial + 1))
    issue root "$stem.pem" "/CN=dpslint limbo intermediate ${variant//_/ }" \
        "intermediate_$variant" "$INT_START" "$INT_END" "$serial"
    register_ca "i_$variant" "$stem.pem"
    leaf_section=leaf
    [ "$variant" = no_ski ] && leaf_section=leaf_issuer_serial_aki
    issue "i_$variant" "$stem-leaf.pem" "/CN=example.com" "$leaf_section" "$LEAF_START" \
        "$LEAF_END" 1400
done

for pem in $(find "$OUT" -name '*.pem' ! -path '*/nc-work/*' | sort); do dump "$pem"; done
echo "gen-limbo-fixtures: wrote $(find "$OUT" -name '*.pem' | wc -l) certificates to $OUT"
