#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/TARGET/) from the committed test
# data: small, valid and broken inputs of each kind, so fuzzing starts from every format dpslint
# reads. Needs openssl and a built dpslint (for batch report lines and the example config).
#
#   scripts/gen-fuzz-corpus.sh [DPSLINT_BINARY]     (default: build/lint/dpslint)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dpslint="${1:-$root/build/lint/dpslint}"
corpus="$root/tests/fuzz/corpus"
td="$root/testdata"
at=2026-12-01T00:00:00Z

rm -rf "$corpus"
mkdir -p "$corpus"/{certificate,differential,snapshot_file,snapshot_part,lint_config,batch_merge_line}

# certificate: device files as they come (PEM, bundles, DER, broken ones).
for f in leaves/valid-p256.pem leaves/valid-p256.der leaves/valid-bundle.pem \
         leaves/valid-ed25519.pem leaves/rsa1024.pem leaves/nc-dns-violation.pem \
         leaves/unknown-critical-extension.pem leaves/cross-signed.pem leaves/loop.pem \
         leaves/with-private-key.pem malformed/truncated.pem malformed/bad-base64.pem \
         malformed/csr.pem; do
  [ -f "$td/pki/$f" ] && cp "$td/pki/$f" "$corpus/certificate/$(echo "$f" | tr / -)"
done

# differential: DER certificates and SubjectPublicKeyInfos of every key type in the test PKI.
for f in ca/root.pem ca/production.pem ca/testing.pem ca/development.pem ca/v1-intermediate.pem \
         ca/nc-intermediate.pem leaves/valid-p256.pem leaves/valid-ed25519.pem \
         leaves/rsa1024.pem leaves/secp256k1-key.pem leaves/md5-signature.pem \
         leaves/unknown-critical-extension.pem leaves/nc-dns-excluded.pem; do
  name="$(basename "$f" .pem)"
  openssl x509 -in "$td/pki/$f" -outform DER -out "$corpus/differential/$name.der"
  openssl x509 -in "$td/pki/$f" -noout -pubkey | openssl pkey -pubin -outform DER \
    -out "$corpus/differential/$name.spki.der"
done

# snapshot_file: single-file snapshots, good and broken.
cp "$td/snapshots/single-file.json" "$td/snapshots/tolerated.json" "$corpus/snapshot_file/"
cp "$td"/snapshots/broken/single-file-*.json "$corpus/snapshot_file/"

# snapshot_part: a selector byte (the part, see snapshot_part_fuzzer.cpp) and the part's content.
part() {  # selector source name
  { printf "\\x$(printf %02x "$1")"; cat "$2"; } > "$corpus/snapshot_part/$3"
}
part 0 "$td/demo/snapshot/dps.json" dps.json
part 1 "$td/demo/snapshot/certificates.json" certificates.json
part 2 "$td/demo/snapshot/enrollment-groups.json" enrollment-groups.json
part 3 "$td/demo/snapshot/enrollments.json" enrollments.json
part 4 "$td/demo/snapshot/linked-hubs.json" linked-hubs.json
part 5 "$td/demo/snapshot/registrations/my-device-group.json" registrations.json
part 6 "$td/demo/snapshot/ca/my-intermediate-ca.pem" ca.pem
part 2 "$td/snapshots/broken/duplicate-key/enrollment-groups.json" duplicate-key.json
part 2 "$td/snapshots/broken/bad-inline-certificate/enrollment-groups.json" bad-inline.json
part 1 "$td/snapshots/broken/certificate-show-object/certificates.json" certificate-show.json

# lint_config: the example config, the golden test's config and patterns for device.cn-pattern.
"$dpslint" rules --example-config > "$corpus/lint_config/example.json"
cp "$td/lint/broken-snapshot.config.json" "$corpus/lint_config/broken-snapshot.json"
printf '%s\n' '{"enable": ["device.cn-pattern"], "options": {"device.cn-pattern": {"pattern": "^device-[0-9]+$"}}}' \
  > "$corpus/lint_config/cn-pattern.json"
printf '%s\n' '{"enable": ["*"], "options": {"device.cn-pattern": {"pattern": "^(([a-z0-9-])+)+$"}}, "failOn": "never"}' \
  > "$corpus/lint_config/nested-pattern.json"
printf '%s\n' '{"severity": {"twin.*": "error"}, "suppressions": [{"rule": "attestation.*", "target": "device-1", "reason": "known", "expires": "2027-01-01"}]}' \
  > "$corpus/lint_config/suppression.json"

# batch_merge_line: single lines of batch reports (checked devices, rejected files, both modes).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$dpslint" batch --at "$at" --snapshot "$td/demo/snapshot" --quiet --report "$scratch/snapshot.jsonl" \
  "$td/demo/devices" "$td/batch/messy" >/dev/null || true
"$dpslint" batch --at "$at" --trust "$td/batch/ca/root.pem" --untrusted "$td/batch/ca/intermediate.pem" \
  --quiet --report "$scratch/trust.jsonl" "$td/batch/duplicates" >/dev/null || true
n=0
for report in "$scratch/snapshot.jsonl" "$scratch/trust.jsonl"; do
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" > "$corpus/batch_merge_line/line-$n.jsonl"
  done < <(head -n 8 "$report")
done
echo "seed corpora written to $corpus"
