#!/usr/bin/env bash
# Writes testdata/demo/diff/after/: the demo DPS (testdata/demo/snapshot, the "before") after a
# planned change, for `dpslint diff` and tests/cli/diff_cli_test.cpp. The change:
#
#   1. enrollment group my-device-group disabled;
#   2. enrollment group gateway-devices moved from my-intermediate-ca to the root my-root-ca;
#   3. CA record customer-a-intermediate-ca removed (and its ca/ file with it);
#   4. gateway-devices' allocation policy changed from static (one hub) to hashed over every
#      linked hub;
#   5. gateway-devices' initial twin edited.
#
# Besides, every etag and lastUpdated timestamp is new and the CA records are exported in another
# order: none of that is a change of configuration, and the diff must not report it. (The groups
# keep their order: three of them share my-intermediate-ca, and which of those DPS meets first
# follows the export order.)
# Run after scripts/gen-demo-snapshot.sh. Needs python3 (JSON edits keep the export's layout).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
before="$root/testdata/demo/snapshot"
out="$root/testdata/demo/diff/after"

rm -rf "$out"
mkdir -p "$out"
cp -r "$before/." "$out/"
rm -f "$out/ca/customer-a-intermediate-ca.pem"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]

def load(name):
    with open(f"{out}/{name}") as f:
        return json.load(f)

def save(name, value):
    with open(f"{out}/{name}", "w") as f:
        json.dump(value, f, indent=2, sort_keys=True)
        f.write("\n")

def touch(entry, etag):
    entry["etag"] = etag
    if "lastUpdatedDateTimeUtc" in entry:
        entry["lastUpdatedDateTimeUtc"] = "2026-11-30T08:00:00.0000000Z"

groups = {g["enrollmentGroupId"]: g for g in load("enrollment-groups.json")}
for n, g in enumerate(groups.values()):
    touch(g, f'"00000000-0000-0300-0000-00000000000{n}"')

groups["my-device-group"]["provisioningStatus"] = "disabled"
gateway = groups["gateway-devices"]
gateway["attestation"]["x509"]["caReferences"]["primary"] = "my-root-ca"
gateway["allocationPolicy"] = "hashed"
gateway.pop("iotHubs", None)
gateway["initialTwin"] = {
    "properties": {"desired": {"firmware": "2.0.0", "role": "gateway"}},
    "tags": {"environment": "production"},
}
save("enrollment-groups.json", list(groups.values()))

certificates = load("certificates.json")
certificates["value"] = [c for c in certificates["value"]
                         if c["name"] != "customer-a-intermediate-ca"]
certificates["value"].reverse()
for n, c in enumerate(certificates["value"]):
    touch(c, f'"00000000-0000-0100-0000-00000000000{n}"')
    c["properties"]["updated"] = "Mon, 30 Nov 2026 08:00:00 GMT"
save("certificates.json", certificates)

enrollments = load("enrollments.json")
for n, e in enumerate(enrollments):
    touch(e, f'"00000000-0000-0300-0000-00000000001{n}"')
save("enrollments.json", enrollments)

dps = load("dps.json")
dps["etag"] = "AAAAAB/Q35M="
save("dps.json", dps)
PY
echo "wrote $out"
