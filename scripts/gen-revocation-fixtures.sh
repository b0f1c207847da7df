#!/usr/bin/env bash
# gen-revocation-fixtures.sh — the revocation part of the demo and the fixtures of the revocation
# rules (device.revoked-but-provisions, ca.revoked) and of the x509.* rules, with the openssl CLI.
#
# Generates (after wiping exactly these directories):
#   testdata/demo/revocation/   a small DPS instance beside the walkthrough demo:
#     ca/field-root-ca.pem          Contoso Field Root CA (self-signed, uploaded and verified)
#     ca/field-intermediate-ca.pem  Contoso Field Intermediate CA (uploaded and verified; the CA
#                                   of the enabled group field-devices)
#     devices/field-0001.pem        leaf + intermediate, not revoked
#     devices/field-0002.pem        leaf + intermediate, revoked (keyCompromise, 2026-11-15)
#     crl/field-intermediate-ca.crl.pem  the intermediate's CRL: revokes field-0002
#     crl/field-root-ca.crl.pem          the root's CRL: revokes nothing
#     snapshot/                     the export (dps.json and linked hubs as the walkthrough demo;
#                                   one enabled group, no registrations yet)
#   testdata/rules/revocation/root-revokes-intermediate.crl.pem  the field root's CRL revoking
#                                   the field intermediate (keyCompromise, 2026-10-01): ca.revoked
#   testdata/rules/x509/         certificates for the x509.* rules that the x509-limbo fixtures
#                                (testdata/limbo/profile) do not cover:
#     ski-critical-ca.pem           an intermediate whose subjectKeyIdentifier is critical
#     ski-critical-leaf.pem         a leaf whose subjectKeyIdentifier is critical
#     conforming-leaf.pem           a leaf that follows every RFC 5280 §4 rule checked
# and next to every certificate file X.pem a review dump X.txt (CRLs: X.txt of `openssl crl`).
#
# The walkthrough demo's CA keys are not kept (scripts/gen-testdata.sh), so the revoked demo device
# has CAs of its own. Every date is FIXED (certificates 2024..2044/2034/2030, CRLs issued
# 2026-11-20 and valid to 2027-05-20); keys are random and not kept, so re-running changes the
# bytes of every file but not its meaning. The demo evaluates at 2026-12-01T00:00:00Z.
#
# Requirements: bash, coreutils, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEMO="$REPO/testdata/demo"
OUT="$DEMO/revocation"
RULES_REV="$REPO/testdata/rules/revocation"
RULES_X509="$REPO/testdata/rules/x509"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-revocation.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"

die() { echo "gen-revocation-fixtures: $*" >&2; exit 1; }
run() { "$@" >"$LOG" 2>&1 || { cat "$LOG" >&2; die "command failed: $*"; }; }

cat >"$WORK/ext.cnf" <<'EOF'
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

[int_ca_ski_critical]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = critical, hash
authorityKeyIdentifier = keyid:always

[leaf]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[leaf_ski_critical]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = critical, hash
authorityKeyIdentifier = keyid:always
EOF

# ca_dir <id> <first-serial>: an `openssl ca` working directory.
ca_dir() {
    local d="$WORK/ca/$1"
    mkdir -p "$d/newcerts"
    : >"$d/index.txt"
    echo "unique_subject = no" >"$d/index.txt.attr"
    echo "$2" >"$d/serial"
    echo 1000 >"$d/crlnumber"
    cat >"$d/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir             = $d
database        = \$dir/index.txt
serial          = \$dir/serial
crlnumber       = \$dir/crlnumber
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
[ crl_ext ]
authorityKeyIdentifier = keyid:always
EOF
}

# issue <ca-id|-self> <key-and-cert-stem> <subject> <start> <end> <extensions> [ca-id-for-self]
# With "-self" the certificate is self-signed by CA <ca-id-for-self>, whose directory it becomes.
issue() {
    local ca="$1" stem="$2" subject="$3" start="$4" end="$5" ext="$6"
    run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
        -pkeyopt ec_param_enc:named_curve -out "$stem.key"
    run openssl req -new -key "$stem.key" -subj "$subject" -out "$stem.csr"
    if [ "$ca" = "-self" ]; then
        local d="$WORK/ca/$7"
        cp "$stem.key" "$d/ca.key"
        run openssl ca -batch -config "$d/ca.cnf" -selfsign -keyfile "$d/ca.key" \
            -in "$stem.csr" -out "$stem.pem" -startdate "$start" -enddate "$end" \
            -extfile "$WORK/ext.cnf" -extensions "$ext" -notext
        cp "$stem.pem" "$d/ca.pem"
    else
        run openssl ca -batch -config "$WORK/ca/$ca/ca.cnf" -in "$stem.csr" -out "$stem.pem" \
            -startdate "$start" -enddate "$end" -extfile "$WORK/ext.cnf" -extensions "$ext" \
            -notext
    fi
}

# revoke <ca-id> <cert.pem> <YYMMDDHHMMSSZ> <reason>: marks it revoked at a fixed date (the
# index line is edited because `openssl ca -revoke` stamps the current time).
revoke() {
    local index="$WORK/ca/$1/index.txt" serial
    serial=$(openssl x509 -in "$2" -noout -serial | cut -d= -f2)
    awk -F'\t' -v OFS='\t' -v s="$serial" -v when="$3,$4" \
        '$4 == s { $1 = "R"; $3 = when } { print }' "$index" >"$index.new"
    mv "$index.new" "$index"
    grep -q "^R.*$serial" "$index" || die "revoke: serial $serial not in $index"
}

# crl <ca-id> <out.crl.pem>: the CA's CRL, issued 2026-11-20, next update 2027-05-20.
crl() {
    run openssl ca -batch -config "$WORK/ca/$1/ca.cnf" -gencrl -crlexts crl_ext \
        -crl_lastupdate 20261120000000Z -crl_nextupdate 20270520000000Z \
        -out "$2"
    openssl crl -in "$2" -noout -text >"${2%.crl.pem}.crl.txt"
}

dump() { openssl x509 -in "$1" -noout -text >"${1%.pem}.txt"; }

rm -rf "$OUT" "$RULES_REV" "$RULES_X509"
mkdir -p "$OUT/ca" "$OUT/devices" "$OUT/crl" "$OUT/snapshot/ca" "$RULES_REV" "$RULES_X509" \
    "$WORK/certs"
C="$WORK/certs"

# --- the demo's field PKI ------------------------------------------------------------------
ca_dir field-root 1000
issue -self "$C/field-root-ca" "/C=US/O=Contoso/CN=Contoso Field Root CA" \
    20240101000000Z 20440101000000Z root_ca field-root
ca_dir field-int 2000
issue field-root "$C/field-intermediate-ca" "/C=US/O=Contoso/CN=Contoso Field Intermediate CA" \
    20240101000000Z 20340101000000Z int_ca
cp "$C/field-intermediate-ca.key" "$WORK/ca/field-int/ca.key"
cp "$C/field-intermediate-ca.pem" "$WORK/ca/field-int/ca.pem"
for n in 0001 0002; do
    issue field-int "$C/field-$n" "/CN=field-$n" 20250101000000Z 20300101000000Z leaf
    cat "$C/field-$n.pem" "$C/field-intermediate-ca.pem" >"$OUT/devices/field-$n.pem"
    dump "$C/field-$n.pem"
    cp "$C/field-$n.txt" "$OUT/devices/field-$n.txt"
done
for ca in field-root-ca field-intermediate-ca; do
    cp "$C/$ca.pem" "$OUT/ca/$ca.pem"
    cp "$C/$ca.pem" "$OUT/snapshot/ca/$ca.pem"
    dump "$OUT/ca/$ca.pem"
done

revoke field-int "$C/field-0002.pem" 261115000000Z keyCompromise
crl field-int "$OUT/crl/field-intermediate-ca.crl.pem"
crl field-root "$OUT/crl/field-root-ca.crl.pem"

# ca.revoked: the same root, this time revoking the field intermediate.
revoke field-root "$C/field-intermediate-ca.pem" 261001000000Z keyCompromise
crl field-root "$RULES_REV/root-revokes-intermediate.crl.pem"

# --- x509.* rule certificates ----------------------------------------------------------------
issue field-root "$C/ski-critical-ca" "/C=US/O=dpslint Test/CN=SKI Critical CA" \
    20240101000000Z 20340101000000Z int_ca_ski_critical
issue field-int "$C/ski-critical-leaf" "/CN=ski-critical-leaf" \
    20250101000000Z 20300101000000Z leaf_ski_critical
issue field-int "$C/conforming-leaf" "/CN=conforming-leaf" 20250101000000Z 20300101000000Z leaf
for f in ski-critical-ca ski-critical-leaf conforming-leaf; do
    cp "$C/$f.pem" "$RULES_X509/$f.pem"
    dump "$RULES_X509/$f.pem"
done

# --- the export --------------------------------------------------------------------------------
S="$OUT/snapshot"
cp "$DEMO/snapshot/dps.json" "$DEMO/snapshot/linked-hubs.json" "$S/"
sha1() { openssl x509 -in "$1" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d :; }
expiry() { date -u -d "$(openssl x509 -in "$1" -noout -enddate | cut -d= -f2)" '+%a, %d %b %Y %H:%M:%S GMT'; }
sub="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/iot-x509-demo-rg/providers/Microsoft.Devices/provisioningServices/my-dps-x509"
record() {  # name cert-file subject-cn
    cat <<JSON
    {
      "etag": "\"$(printf '%s' "$1" | sha1sum | cut -c1-8)-0000-0100-0000-65f0a1b20000\"",
      "id": "$sub/certificates/$1",
      "name": "$1",
      "properties": {
        "certificate": null,
        "created": "Tue, 12 Mar 2024 09:15:00 GMT",
        "expiry": "$(expiry "$2")",
        "isVerified": true,
        "subject": "$3",
        "thumbprint": "$(sha1 "$2")",
        "updated": "Tue, 12 Mar 2024 09:20:41 GMT"
      },
      "resourceGroup": "iot-x509-demo-rg",
      "type": "Microsoft.Devices/provisioningServices/Certificates"
    }
JSON
}
{
    echo '{'
    echo '  "value": ['
    record field-root-ca "$S/ca/field-root-ca.pem" "Contoso Field Root CA"
    echo '    ,'
    record field-intermediate-ca "$S/ca/field-intermediate-ca.pem" "Contoso Field Intermediate CA"
    echo '  ]'
    echo '}'
} >"$S/certificates.json"
cat >"$S/enrollment-groups.json" <<'JSON'
[
  {
    "allocationPolicy": "Hashed",
    "attestation": {
      "type": "x509",
      "x509": {
        "caReferences": {
          "primary": "field-intermediate-ca",
          "secondary": null
        }
      }
    },
    "capabilities": {
      "iotEdge": false
    },
    "createdDateTimeUtc": "2024-03-12T09:31:07.5461829Z",
    "enrollmentGroupId": "field-devices",
    "etag": "\"4b1c2f1e-0000-0300-0000-65f0a6d30000\"",
    "lastUpdatedDateTimeUtc": "2024-03-12T09:31:07.5461829Z",
    "provisioningStatus": "enabled",
    "reprovisionPolicy": {
      "migrateDeviceData": true,
      "updateHubAssignment": true
    }
  }
]
JSON
echo '[]' >"$S/enrollments.json"
# No device of the group has registered yet.
mkdir -p "$S/registrations"
echo '[]' >"$S/registrations/field-devices.json"

# Sanity check: OpenSSL itself sees field-0002 revoked and field-0001 good at the demo's time.
AT=$(date -u -d 2026-12-01T00:00:00Z +%s)
cat "$OUT/crl/field-intermediate-ca.crl.pem" "$OUT/crl/field-root-ca.crl.pem" >"$WORK/crls.pem"
check() {  # device expected
    local status=0
    openssl verify -attime "$AT" -crl_check_all -CRLfile "$WORK/crls.pem" \
        -CAfile "$OUT/ca/field-root-ca.pem" -untrusted "$OUT/ca/field-intermediate-ca.pem" \
        "$C/$1.pem" >"$LOG" 2>&1 || status=$?
    if [ "$2" = good ] && [ "$status" -ne 0 ]; then cat "$LOG" >&2; die "$1 should verify"; fi
    if [ "$2" = revoked ] && ! grep -q "certificate revoked" "$LOG"; then
        cat "$LOG" >&2; die "$1 should be revoked"
    fi
}
check field-0001 good
check field-0002 revoked
echo "gen-revocation-fixtures: wrote $OUT, $RULES_REV and $RULES_X509"
