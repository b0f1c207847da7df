#!/usr/bin/env bash
# gen-certgen-fixtures.sh — certificates made the way Azure's tutorial script certGen.sh makes
# them, and the DPS snapshots a user of those tutorials exports, for tests of what real users
# feed dpslint (testdata/README.md notes the origin).
#
# certGen.sh (tools/CACertificates/ in Azure/azure-iot-sdk-c and in Azure/iotedge) runs
# `openssl req -x509` for the root, then `openssl ca -days 30` for everything below it, one
# command after the other: every certificate is valid for 30 days from the second it was issued,
# so each one ends a few seconds after its issuer. This script replays those steps with plain
# openssl commands and FIXED instants instead of "now" (openssl ca -startdate/-enddate; the
# root is self-signed with `openssl ca -selfsign` so its dates can be fixed too), with certGen's
# subjects, extension sections (v3_ca, v3_intermediate_ca, usr_cert from its openssl_*.cnf),
# file names and key sizes. Nothing of certGen.sh itself is copied or run.
#
# Generates (after wiping exactly testdata/certgen):
#   sdk-c/certs/     as Azure/azure-iot-sdk-c certGen.sh writes them, RSA-4096, issued from
#                    2026-11-02T09:14:05Z (root) a few seconds apart:
#     azure-iot-test-only.root.ca.cert.pem            create_root_and_intermediate
#     azure-iot-test-only.intermediate.cert.pem       (root + 2 s)
#     azure-iot-test-only.chain.ca.cert.pem           intermediate + root, as certGen cats them
#     sensor-thl-001-device.cert.pem                  create_device_certificate sensor-thl-001,
#     sensor-thl-002-device.cert.pem                  ... sensor-thl-002: signed by the ROOT
#                                                     (root + 9 s, + 13 s), renamed as the Learn
#                                                     DPS module renames new-device.cert.pem
#     sensor-int-001-device.cert.pem                  create_device_certificate_from_intermediate
#                                                     sensor-int-001 (root + 18 s): leaf only, as
#                                                     certGen writes it (no full-chain file)
#     sensor-thl-001-device.cert.pfx                  PKCS#12 of the device certificate (exported
#                                                     with -nokeys: no private key is committed)
#     azure-iot-test-only.chain.ca.p7b                PKCS#7 (DER) of the CA chain
#     azure-iot-test-only.chain.ca.p7b.pem            the same, PEM "PKCS7"
#   iotedge/certs/   as Azure/iotedge certGen.sh writes them (CA RSA-4096, others RSA-2048),
#                    issued from 2026-11-03T16:40:12Z:
#     azure-iot-test-only.root.ca.cert.pem
#     azure-iot-test-only.intermediate.cert.pem       (root + 3 s)
#     azure-iot-test-only.intermediate-full-chain.cert.pem   intermediate + root
#     iot-device-edge-sensor-01.cert.pem              create_device_identity_certificate (+ 7 s)
#     iot-device-edge-sensor-01-full-chain.cert.pem   leaf + intermediate + root
#   learn-module/    the snapshot of the Learn DPS module's exercise on the sdk-c PKI: the root
#                    uploaded and verified (its record carries the body, as `az iot dps
#                    certificate show` returns it), one enrollment group on the root, the
#                    module's blocklist step (disabled individual enrollment 'disallow-002'
#                    holding sensor-thl-002's certificate), and a dps.json without
#                    properties.iotHubs, like the published DPSGet examples.
#   iotedge-snapshot/ the iotedge PKI uploaded: root and intermediate records (verified), an
#                    enrollment group on the intermediate, certGen's files copied into ca/ as
#                    they are (file names do not matter), linked hubs.
# and next to each certificate X.pem a review dump X.txt (`openssl x509 -noout -text`).
#
# Keys are random and NOT kept, so re-running changes the bytes (and thumbprints) of every file
# but not its meaning; the snapshots are rewritten from the new certificates.
#
# Requirements: bash, coreutils, OpenSSL 3.0+.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/testdata/certgen"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-gen-certgen.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"

die() { echo "gen-certgen-fixtures: $*" >&2; exit 1; }

run() {
    if ! "$@" >"$LOG" 2>&1; then
        cat "$LOG" >&2
        die "command failed: $*"
    fi
}

# at <base YYYY-mm-ddTHH:MM:SSZ> <+seconds> <+days> -> openssl ca time (YYYYmmddHHMMSSZ)
at() {
    local epoch
    epoch=$(( $(date -u -d "$1" +%s) + $2 + $3 * 86400 ))
    date -u -d "@$epoch" +%Y%m%d%H%M%SZ
}

dump() { openssl x509 -in "$1" -noout -text >"${1%.pem}.txt"; }

# certGen's extension sections (openssl_root_ca.cnf / openssl_device_intermediate_ca.cnf).
EXT="$WORK/extensions.cnf"
cat >"$EXT" <<'EOF'
[v3_ca]
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always,issuer
basicConstraints       = critical, CA:true
keyUsage               = critical, digitalSignature, cRLSign, keyCertSign

[v3_intermediate_ca]
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always,issuer
basicConstraints       = critical, CA:true
keyUsage               = critical, digitalSignature, cRLSign, keyCertSign

[usr_cert]
basicConstraints       = CA:FALSE
nsCertType             = client, email
nsComment              = "OpenSSL Generated Client Certificate"
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid,issuer
keyUsage               = critical, nonRepudiation, digitalSignature, keyEncipherment
extendedKeyUsage       = clientAuth, emailProtection
EOF

# ca_dir <name>: an `openssl ca` directory; its ca.key/ca.pem sign what `issue` asks of it.
ca_dir() {
    local dir="$WORK/$1"
    mkdir -p "$dir/newcerts"
    : >"$dir/index.txt"
    echo "unique_subject = no" >"$dir/index.txt.attr"
    # certGen.sh starts the serial file at 01 and shares it between root and intermediate.
    [ -f "$WORK/serial" ] || echo 01 >"$WORK/serial"
    cat >"$dir/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default

[ CA_default ]
dir             = $dir
database        = \$dir/index.txt
serial          = $WORK/serial
new_certs_dir   = \$dir/newcerts
certificate     = \$dir/ca.pem
private_key     = \$dir/ca.key
default_md      = sha256
policy          = policy_loose
unique_subject  = no
email_in_dn     = no
copy_extensions = none
preserve        = no

[ policy_loose ]
countryName            = optional
stateOrProvinceName    = optional
localityName           = optional
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied
emailAddress           = optional
EOF
}

# issue <ca> <key bits> <CN> <extension> <start> <end> <out.pem> [-selfsign]
issue() {
    local ca="$1" bits="$2" cn="$3" ext="$4" start="$5" end="$6" out="$7"; shift 7
    local key="$WORK/$(basename "$out" .pem).key"
    run openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$bits" -out "$key"
    run openssl req -new -sha256 -key "$key" -subj "/CN=$cn" -out "$WORK/req.csr"
    if [ "${1:-}" = "-selfsign" ]; then
        cp "$key" "$WORK/$ca/ca.key"
        run openssl ca -batch -notext -config "$WORK/$ca/ca.cnf" -selfsign -keyfile "$key" \
            -startdate "$start" -enddate "$end" -md sha256 -extfile "$EXT" -extensions "$ext" \
            -in "$WORK/req.csr" -out "$out"
        cp "$out" "$WORK/$ca/ca.pem"
    else
        run openssl ca -batch -notext -config "$WORK/$ca/ca.cnf" \
            -startdate "$start" -enddate "$end" -md sha256 -extfile "$EXT" -extensions "$ext" \
            -in "$WORK/req.csr" -out "$out"
    fi
    dump "$out"
    # Keep the key of a CA for the certificates it issues next.
    cp "$key" "$WORK/$(basename "$out" .pem).ca.key"
}

# make_issuer <ca dir> <certificate>: turn an issued CA certificate into an `openssl ca` dir.
make_issuer() {
    ca_dir "$1"
    cp "$2" "$WORK/$1/ca.pem"
    cp "$WORK/$(basename "$2" .pem).ca.key" "$WORK/$1/ca.key"
}

rm -rf "$OUT"
mkdir -p "$OUT/sdk-c/certs" "$OUT/iotedge/certs"

# --- Azure/azure-iot-sdk-c certGen.sh: RSA-4096 everywhere, 30 days -------------------------
T0=2026-11-02T09:14:05Z
C="$OUT/sdk-c/certs"
ROOT="azure-iot-test-only.root.ca"
INT="azure-iot-test-only.intermediate"
ca_dir sdkc-root
issue sdkc-root 4096 "Azure IoT Hub CA Cert Test Only" v3_ca \
    "$(at $T0 0 0)" "$(at $T0 0 30)" "$C/$ROOT.cert.pem" -selfsign
issue sdkc-root 4096 "Azure IoT Hub Intermediate Cert Test Only" v3_intermediate_ca \
    "$(at $T0 2 0)" "$(at $T0 2 30)" "$C/$INT.cert.pem"
cat "$C/$INT.cert.pem" "$C/$ROOT.cert.pem" >"$C/azure-iot-test-only.chain.ca.cert.pem"
# create_device_certificate <name>: signed by the root (what the Learn DPS module runs).
issue sdkc-root 4096 "sensor-thl-001" usr_cert \
    "$(at $T0 9 0)" "$(at $T0 9 30)" "$C/sensor-thl-001-device.cert.pem"
issue sdkc-root 4096 "sensor-thl-002" usr_cert \
    "$(at $T0 13 0)" "$(at $T0 13 30)" "$C/sensor-thl-002-device.cert.pem"
# create_device_certificate_from_intermediate <name>.
make_issuer sdkc-int "$C/$INT.cert.pem"
issue sdkc-int 4096 "sensor-int-001" usr_cert \
    "$(at $T0 18 0)" "$(at $T0 18 30)" "$C/sensor-int-001-device.cert.pem"
# certGen writes a .pfx next to each device certificate (with its key, password 1234).
run openssl pkcs12 -export -nokeys -in "$C/sensor-thl-001-device.cert.pem" \
    -passout pass:1234 -out "$C/sensor-thl-001-device.cert.pfx"
# What some CAs hand out instead of PEM: the chain as PKCS#7, DER and PEM.
run openssl crl2pkcs7 -nocrl -certfile "$C/azure-iot-test-only.chain.ca.cert.pem" \
    -outform DER -out "$C/azure-iot-test-only.chain.ca.p7b"
run openssl crl2pkcs7 -nocrl -certfile "$C/azure-iot-test-only.chain.ca.cert.pem" \
    -outform PEM -out "$C/azure-iot-test-only.chain.ca.p7b.pem"

# --- Azure/iotedge certGen.sh: CA RSA-4096, others RSA-2048, full-chain files --------------
T1=2026-11-03T16:40:12Z
E="$OUT/iotedge/certs"
rm -f "$WORK/serial"
ca_dir edge-root
issue edge-root 4096 "Azure_IoT_Hub_CA_Cert_Test_Only" v3_ca \
    "$(at $T1 0 0)" "$(at $T1 0 30)" "$E/$ROOT.cert.pem" -selfsign
issue edge-root 4096 "Azure_IoT_Hub_Intermediate_Cert_Test_Only" v3_intermediate_ca \
    "$(at $T1 3 0)" "$(at $T1 3 30)" "$E/$INT.cert.pem"
cat "$E/$INT.cert.pem" "$E/$ROOT.cert.pem" >"$E/$INT-full-chain.cert.pem"
make_issuer edge-int "$E/$INT.cert.pem"
issue edge-int 2048 "edge-sensor-01" usr_cert \
    "$(at $T1 7 0)" "$(at $T1 7 30)" "$E/iot-device-edge-sensor-01.cert.pem"
cat "$E/iot-device-edge-sensor-01.cert.pem" "$E/$INT-full-chain.cert.pem" \
    >"$E/iot-device-edge-sensor-01-full-chain.cert.pem"

# Sanity: every chain verifies within its 30 days, as certGen.sh checks after each step.
run openssl verify -attime "$(date -u -d 2026-11-10T00:00:00Z +%s)" \
    -CAfile "$C/$ROOT.cert.pem" -untrusted "$C/$INT.cert.pem" \
    "$C/sensor-thl-001-device.cert.pem" "$C/sensor-thl-002-device.cert.pem" \
    "$C/sensor-int-001-device.cert.pem"
run openssl verify -attime "$(date -u -d 2026-11-10T00:00:00Z +%s)" \
    -CAfile "$E/$ROOT.cert.pem" -untrusted "$E/$INT.cert.pem" "$E/iot-device-edge-sensor-01.cert.pem"

# --- snapshots ------------------------------------------------------------------------------
sha1() { openssl x509 -in "$1" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d :; }
sha256() { openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d :; }
serial() { openssl x509 -in "$1" -noout -serial | cut -d= -f2; }
# ISO 8601 as the service writes X509CertificateInfo dates; RFC 1123 for ARM certificate expiry.
iso() { date -u -d "$(openssl x509 -in "$1" -noout "-$2" | cut -d= -f2)" +%Y-%m-%dT%H:%M:%SZ; }
rfc1123() { date -u -d "$(openssl x509 -in "$1" -noout -enddate | cut -d= -f2)" '+%a, %d %b %Y %H:%M:%S GMT'; }

rg="learn-dps-rg"
sub="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/$rg/providers/Microsoft.Devices/provisioningServices"

# learn-module/: dps.json as DPSGet returns it, without properties.iotHubs.
L="$OUT/learn-module"
mkdir -p "$L"
cat >"$L/dps.json" <<JSON
{
  "etag": "AAAAAAFD6M4=",
  "id": "$sub/dps-learn01",
  "location": "eastus",
  "name": "dps-learn01",
  "properties": {
    "allocationPolicy": "Hashed",
    "deviceProvisioningHostName": "global.azure-devices-provisioning.net",
    "idScope": "0ne00LEARN1",
    "provisioningState": "Succeeded",
    "serviceOperationsHostName": "dps-learn01.azure-devices-provisioning.net",
    "state": "Active"
  },
  "resourceGroup": "$rg",
  "sku": {"capacity": 1, "name": "S1", "tier": "Standard"},
  "type": "Microsoft.Devices/provisioningServices"
}
JSON
# `az iot dps certificate show` returns the uploaded body: base64 of the PEM file's bytes.
root_body=$(base64 -w0 "$C/$ROOT.cert.pem")
cat >"$L/certificates.json" <<JSON
{
  "value": [
    {
      "etag": "\"5e00f2a1-0000-0100-0000-6726e1b20000\"",
      "id": "$sub/dps-learn01/certificates/root-ca-cert",
      "name": "root-ca-cert",
      "properties": {
        "certificate": "$root_body",
        "created": "Mon, 02 Nov 2026 09:20:31 GMT",
        "expiry": "$(rfc1123 "$C/$ROOT.cert.pem")",
        "isVerified": true,
        "subject": "Azure IoT Hub CA Cert Test Only",
        "thumbprint": "$(sha1 "$C/$ROOT.cert.pem")",
        "updated": "Mon, 02 Nov 2026 09:20:31 GMT"
      },
      "resourceGroup": "$rg",
      "type": "Microsoft.Devices/provisioningServices/Certificates"
    }
  ]
}
JSON
cat >"$L/enrollment-groups.json" <<JSON
[
  {
    "allocationPolicy": "hashed",
    "attestation": {
      "type": "x509",
      "x509": {"caReferences": {"primary": "root-ca-cert", "secondary": null}}
    },
    "capabilities": {"iotEdge": false},
    "createdDateTimeUtc": "2026-11-02T09:25:40.1234567Z",
    "enrollmentGroupId": "enrollment-group-learn01",
    "etag": "\"3c00aa11-0000-0100-0000-6726e2f40000\"",
    "initialTwin": {"properties": {"desired": {"telemetryDelay": "1"}}, "tags": {}},
    "lastUpdatedDateTimeUtc": "2026-11-02T09:25:40.1234567Z",
    "provisioningStatus": "enabled",
    "reprovisionPolicy": {"migrateDeviceData": true, "updateHubAssignment": true}
  }
]
JSON
D2="$C/sensor-thl-002-device.cert.pem"
cat >"$L/enrollments.json" <<JSON
[
  {
    "allocationPolicy": "hashed",
    "attestation": {
      "type": "x509",
      "x509": {
        "clientCertificates": {
          "primary": {
            "info": {
              "issuerName": "CN=Azure IoT Hub CA Cert Test Only",
              "notAfterUtc": "$(iso "$D2" enddate)",
              "notBeforeUtc": "$(iso "$D2" startdate)",
              "serialNumber": "$(serial "$D2")",
              "sha1Thumbprint": "$(sha1 "$D2")",
              "sha256Thumbprint": "$(sha256 "$D2")",
              "subjectName": "CN=sensor-thl-002",
              "version": 3
            }
          },
          "secondary": null
        }
      }
    },
    "capabilities": {"iotEdge": false},
    "createdDateTimeUtc": "2026-11-02T10:02:13.7654321Z",
    "deviceId": null,
    "etag": "\"3c00cc22-0000-0100-0000-6726eb950000\"",
    "lastUpdatedDateTimeUtc": "2026-11-02T10:02:13.7654321Z",
    "provisioningStatus": "disabled",
    "registrationId": "disallow-002",
    "reprovisionPolicy": {"migrateDeviceData": true, "updateHubAssignment": true}
  }
]
JSON

# iotedge-snapshot/: root and intermediate uploaded and verified, group on the intermediate.
S="$OUT/iotedge-snapshot"
mkdir -p "$S/ca"
cp "$E/$INT-full-chain.cert.pem" "$S/ca/"
record() {  # record <name> <certificate> <subject>
    cat <<JSON
    {
      "etag": "\"7a00$(sha1 "$2" | cut -c1-4)-0000-0100-0000-6727a0000000\"",
      "id": "$sub/dps-edge01/certificates/$1",
      "name": "$1",
      "properties": {
        "certificate": null,
        "created": "Tue, 03 Nov 2026 16:45:00 GMT",
        "expiry": "$(rfc1123 "$2")",
        "isVerified": true,
        "subject": "$3",
        "thumbprint": "$(sha1 "$2")",
        "updated": "Tue, 03 Nov 2026 16:47:10 GMT"
      },
      "resourceGroup": "$rg",
      "type": "Microsoft.Devices/provisioningServices/Certificates"
    }
JSON
}
{
    echo '{'
    echo '  "value": ['
    record edge-root-ca "$E/$ROOT.cert.pem" "Azure_IoT_Hub_CA_Cert_Test_Only"
    echo '    ,'
    record edge-intermediate-ca "$E/$INT.cert.pem" "Azure_IoT_Hub_Intermediate_Cert_Test_Only"
    echo '  ]'
    echo '}'
} >"$S/certificates.json"
cat >"$S/enrollment-groups.json" <<JSON
[
  {
    "attestation": {
      "type": "x509",
      "x509": {"caReferences": {"primary": "edge-intermediate-ca"}}
    },
    "enrollmentGroupId": "edge-devices",
    "provisioningStatus": "enabled",
    "reprovisionPolicy": {"migrateDeviceData": true, "updateHubAssignment": true}
  }
]
JSON
cat >"$S/linked-hubs.json" <<JSON
[
  {
    "allocationWeight": null,
    "applyAllocationPolicy": null,
    "connectionString": "HostName=hub-edge01.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=****",
    "location": "eastus",
    "name": "hub-edge01.azure-devices.net"
  }
]
JSON
cat >"$S/dps.json" <<JSON
{
  "id": "$sub/dps-edge01",
  "location": "eastus",
  "name": "dps-edge01",
  "properties": {"allocationPolicy": "Hashed", "iotHubs": null, "state": "Active"},
  "resourceGroup": "$rg",
  "type": "Microsoft.Devices/provisioningServices"
}
JSON

echo "gen-certgen-fixtures: wrote $(find "$OUT" -type f | wc -l) files to ${OUT#"$REPO"/}"
