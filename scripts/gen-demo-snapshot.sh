#!/usr/bin/env bash
# Writes testdata/demo/snapshot/: the DPS instance of the enrollment-group walkthrough
# (Microsoft Learn: "Tutorial: Provision multiple X.509 devices using enrollment groups") as
# `scripts/export-snapshot.sh` would export it, list/show style. Thumbprints
# are read from the committed demo CA and device certificates, so run this after
# scripts/gen-testdata.sh re-issues them.
#
# The scenario: DPS my-dps-x509 (resource group iot-x509-demo-rg, service default Hashed), two
# linked hubs in different regions, a verified offline root and a verified intermediate, an
# uploaded but unverified customer-A intermediate, the walkthrough's four enrollment groups
# (three of them on my-intermediate-ca, as the walkthrough creates them) and a disabled
# individual enrollment for device-001 as a blocklist entry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
demo="$root/testdata/demo"
out="$demo/snapshot"

sha1() { openssl x509 -in "$1" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d :; }
sha256() { openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d :; }
subject_cn() { openssl x509 -in "$1" -noout -subject -nameopt multiline | sed -n 's/^ *commonName *= //p'; }
# RFC 1123, as the resource provider returns certificate expiry.
expiry() { date -u -d "$(openssl x509 -in "$1" -noout -enddate | cut -d= -f2)" '+%a, %d %b %Y %H:%M:%S GMT'; }

rm -rf "$out"
mkdir -p "$out/ca" "$out/registrations"
cp "$demo/ca/my-root-ca.pem" "$demo/ca/my-intermediate-ca.pem" \
   "$demo/ca/customer-a-intermediate-ca.pem" "$out/ca/"

rg="iot-x509-demo-rg"
sub="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/$rg/providers/Microsoft.Devices/provisioningServices/my-dps-x509"
hubs='[
      {
        "allocationWeight": null,
        "applyAllocationPolicy": null,
        "connectionString": "HostName=contoso-hub-eastus.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=****",
        "location": "eastus",
        "name": "contoso-hub-eastus.azure-devices.net"
      },
      {
        "allocationWeight": null,
        "applyAllocationPolicy": null,
        "connectionString": "HostName=contoso-hub-westeurope.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=****",
        "location": "westeurope",
        "name": "contoso-hub-westeurope.azure-devices.net"
      }
    ]'

cat > "$out/dps.json" <<JSON
{
  "etag": "AAAAAA/P24M=",
  "id": "$sub",
  "location": "eastus",
  "name": "my-dps-x509",
  "properties": {
    "allocationPolicy": "Hashed",
    "deviceProvisioningHostName": "global.azure-devices-provisioning.net",
    "idScope": "0ne00A1B2C3",
    "iotHubs": $hubs,
    "provisioningState": "Succeeded",
    "publicNetworkAccess": "Enabled",
    "serviceOperationsHostName": "my-dps-x509.azure-devices-provisioning.net",
    "state": "Active"
  },
  "resourceGroup": "$rg",
  "sku": {
    "capacity": 1,
    "name": "S1",
    "tier": "Standard"
  },
  "tags": {},
  "type": "Microsoft.Devices/provisioningServices"
}
JSON

printf '%s\n' "$hubs" | sed 's/^    //' > "$out/linked-hubs.json"

cert_record() {  # name file verified
  cat <<JSON
    {
      "etag": "\"$(printf '%s' "$1" | sha1sum | cut -c1-8)-0000-0100-0000-65f0a1b20000\"",
      "id": "$sub/certificates/$1",
      "name": "$1",
      "properties": {
        "certificate": null,
        "created": "Tue, 12 Mar 2024 09:15:00 GMT",
        "expiry": "$(expiry "$2")",
        "isVerified": $3,
        "subject": "$(subject_cn "$2")",
        "thumbprint": "$(sha1 "$2")",
        "updated": "Tue, 12 Mar 2024 09:20:41 GMT"
      },
      "resourceGroup": "$rg",
      "type": "Microsoft.Devices/provisioningServices/Certificates"
    }
JSON
}

{
  echo '{'
  echo '  "value": ['
  cert_record my-root-ca "$demo/ca/my-root-ca.pem" true
  echo '    ,'
  cert_record my-intermediate-ca "$demo/ca/my-intermediate-ca.pem" true
  echo '    ,'
  cert_record customer-a-intermediate-ca "$demo/ca/customer-a-intermediate-ca.pem" false
  echo '  ]'
  echo '}'
} > "$out/certificates.json"

group() {  # id ca-name policy extra-json
  cat <<JSON
  {
    "allocationPolicy": "$3",
    "attestation": {
      "type": "x509",
      "x509": {
        "caReferences": {
          "primary": "$2",
          "secondary": null
        }
      }
    },
    "capabilities": {
      "iotEdge": ${5:-false}
    },
    "createdDateTimeUtc": "2024-03-12T09:31:07.5461829Z",
    "enrollmentGroupId": "$1",
    "etag": "\"$(printf '%s' "$1" | sha1sum | cut -c1-8)-0000-0300-0000-65f0a6d30000\"",$4
    "lastUpdatedDateTimeUtc": "2024-03-12T09:31:07.5461829Z",
    "provisioningStatus": "enabled",
    "reprovisionPolicy": {
      "migrateDeviceData": true,
      "updateHubAssignment": true
    }
  }
JSON
}

twin='
    "initialTwin": {
      "properties": {
        "desired": {
          "firmware": "1.0.0",
          "telemetryInterval": 60
        }
      },
      "tags": {
        "environment": "production",
        "location": "factory-floor"
      }
    },'
gateway_hubs='
    "iotHubs": [
      "contoso-hub-eastus.azure-devices.net"
    ],'
customer_a='
    "initialTwin": {
      "properties": {
        "desired": {}
      },
      "tags": {
        "customer": "customer-a"
      }
    },
    "iotHubs": [
      "contoso-hub-westeurope.azure-devices.net"
    ],'

{
  echo '['
  group my-device-group my-intermediate-ca hashed "$twin"
  echo '  ,'
  group sensor-devices my-intermediate-ca geoLatency ""
  echo '  ,'
  group gateway-devices my-intermediate-ca static "$gateway_hubs" true
  echo '  ,'
  group customer-a-devices customer-a-intermediate-ca static "$customer_a"
  echo ']'
} > "$out/enrollment-groups.json"

blocked="$demo/devices/device-001.pem"
cat > "$out/enrollments.json" <<JSON
[
  {
    "allocationPolicy": null,
    "attestation": {
      "type": "x509",
      "x509": {
        "clientCertificates": {
          "primary": {
            "info": {
              "issuerName": "CN=Contoso IoT Intermediate CA, O=Contoso, C=US",
              "notAfterUtc": "$(date -u -d "$(openssl x509 -in "$blocked" -noout -enddate | cut -d= -f2)" '+%Y-%m-%dT%H:%M:%SZ')",
              "notBeforeUtc": "$(date -u -d "$(openssl x509 -in "$blocked" -noout -startdate | cut -d= -f2)" '+%Y-%m-%dT%H:%M:%SZ')",
              "serialNumber": "$(openssl x509 -in "$blocked" -noout -serial | cut -d= -f2)",
              "sha1Thumbprint": "$(sha1 "$blocked")",
              "sha256Thumbprint": "$(sha256 "$blocked")",
              "subjectName": "CN=device-001",
              "version": 3
            }
          },
          "secondary": null
        }
      }
    },
    "capabilities": {
      "iotEdge": false
    },
    "createdDateTimeUtc": "2024-05-02T14:05:51.1185423Z",
    "deviceId": null,
    "etag": "\"7d01c2a4-0000-0300-0000-6633a9c70000\"",
    "lastUpdatedDateTimeUtc": "2024-05-02T14:05:51.1185423Z",
    "provisioningStatus": "disabled",
    "registrationId": "device-001",
    "reprovisionPolicy": {
      "migrateDeviceData": true,
      "updateHubAssignment": true
    }
  }
]
JSON

cat > "$out/registrations/my-device-group.json" <<JSON
[
  {
    "assignedHub": "contoso-hub-eastus.azure-devices.net",
    "createdDateTimeUtc": "2024-04-18T10:12:44.2076344Z",
    "deviceId": "device-1",
    "etag": "\"2f00e1d7-0000-0300-0000-6620f2bc0000\"",
    "lastUpdatedDateTimeUtc": "2024-04-18T10:12:44.5325367Z",
    "registrationId": "device-1",
    "status": "assigned",
    "substatus": "initialAssignment"
  },
  {
    "assignedHub": "contoso-hub-eastus.azure-devices.net",
    "createdDateTimeUtc": "2024-04-19T08:40:03.9937610Z",
    "deviceId": "device-001",
    "etag": "\"2f00f3a1-0000-0300-0000-66222e530000\"",
    "lastUpdatedDateTimeUtc": "2024-04-19T08:40:04.1150022Z",
    "registrationId": "device-001",
    "status": "assigned",
    "substatus": "initialAssignment"
  }
]
JSON
echo "wrote $out"
