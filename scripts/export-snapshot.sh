#!/usr/bin/env bash
# export-snapshot.sh — export one Azure IoT Hub DPS instance with the az CLI into the snapshot
# directory layout `dpslint` reads (see usage below). Needs only bash, coreutils, grep and az
# (with the azure-iot extension for the enrollment commands); no python3 or jq.
set -euo pipefail

prog="$(basename "$0")"

usage() {
    cat <<EOF
Usage: $prog --dps-name NAME --resource-group RG --out DIR [--ca-dir DIR_WITH_PEMS]

Exports DPS instance NAME of resource group RG with the Azure CLI into DIR:

  DIR/dps.json                       az iot dps show
  DIR/certificates.json              az iot dps certificate list
  DIR/enrollment-groups.json         az iot dps enrollment-group list
  DIR/enrollments.json               az iot dps enrollment list
  DIR/linked-hubs.json               az iot dps linked-hub list
  DIR/registrations/<groupId>.json   az iot dps enrollment-group registration list, per group
  DIR/ca/                            copies of the CA certificates from --ca-dir

The Azure CLI cannot export CA certificate bodies: 'az iot dps certificate list' returns only
names, subjects, SHA-1 thumbprints and verification status. Pass the PEM (or DER) files of the
CAs you uploaded with --ca-dir; dpslint pairs them with the DPS records by thumbprint. Files in
--ca-dir that hold a private key are never copied. Without --ca-dir, chains can only be
completed from the certificates devices present.

Options:
  --dps-name NAME        DPS instance name
  --resource-group RG    its resource group
  --out DIR              output directory; must not exist yet or be empty. It is created
                         readable by you only (exports may hold hub connection strings)
  --ca-dir DIR           directory with the CA certificate files (not searched recursively)
  -h, --help             this text

Requires 'az' logged in ('az login') with read access to the DPS; the enrollment and
registration commands come from the azure-iot extension (az extension add --name azure-iot).
The az executable may be overridden with DPSLINT_AZ=/path/to/az.
Exit status: 0 exported, 1 an az command or a copy failed, 2 bad usage or az missing.
EOF
}

die_usage() {
    printf '%s: %s\n' "$prog" "$1" >&2
    printf "Run '%s --help' for usage.\n" "$prog" >&2
    exit 2
}

die() {
    printf '%s: error: %s\n' "$prog" "$1" >&2
    exit 1
}

dps_name="" resource_group="" out="" ca_dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --dps-name | --resource-group | --out | --ca-dir)
            if [ $# -lt 2 ] || [ -z "$2" ]; then
                die_usage "$1 needs a value"
            fi
            case "$1" in
                --dps-name) dps_name="$2" ;;
                --resource-group) resource_group="$2" ;;
                --out) out="$2" ;;
                --ca-dir) ca_dir="$2" ;;
            esac
            shift 2
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *) die_usage "unknown argument '$1'" ;;
    esac
done
[ -n "$dps_name" ] || die_usage "--dps-name is required"
[ -n "$resource_group" ] || die_usage "--resource-group is required"
[ -n "$out" ] || die_usage "--out is required"

az="${DPSLINT_AZ:-az}"
if ! command -v "$az" >/dev/null 2>&1; then
    printf '%s: error: the Azure CLI (%s) was not found on PATH.\n' "$prog" "$az" >&2
    printf 'Install it (https://learn.microsoft.com/cli/azure/install-azure-cli), run az login,\n' >&2
    printf 'and add the IoT extension: az extension add --name azure-iot\n' >&2
    exit 2
fi

# CA files to copy, checked before anything is exported.
ca_files=()
if [ -n "$ca_dir" ]; then
    [ -d "$ca_dir" ] || die_usage "--ca-dir '$ca_dir' is not a directory"
    for file in "$ca_dir"/*; do
        [ -f "$file" ] || continue
        name="$(basename "$file")"
        if grep -q -- '-----BEGIN [A-Z ]*PRIVATE KEY-----' "$file"; then
            printf '%s: skipping %s: it holds a private key\n' "$prog" "$file" >&2
        elif grep -q -- '-----BEGIN CERTIFICATE-----' "$file"; then
            ca_files+=("$file")
        else
            case "$name" in
                *.der | *.cer | *.crt) ca_files+=("$file") ;;  # binary DER
                *) printf '%s: skipping %s: not a certificate file\n' "$prog" "$file" >&2 ;;
            esac
        fi
    done
    [ ${#ca_files[@]} -gt 0 ] || die_usage "--ca-dir '$ca_dir' holds no certificate file"
fi

if [ -e "$out" ]; then
    [ -d "$out" ] || die_usage "--out '$out' exists and is not a directory"
    if [ -n "$(ls -A "$out")" ]; then
        die_usage "--out '$out' is not empty (files of an older export would mix in)"
    fi
fi

# Everything is written to a staging directory next to DIR and moved into place at the end, so
# a failed export leaves no half-written snapshot behind.
parent="$(dirname "$out")"
mkdir -p "$parent" || die "cannot create $parent"
stage="$(mktemp -d "$parent/.export-snapshot.XXXXXX")" || die "cannot create a directory in $parent"
err_file="$(mktemp "${TMPDIR:-/tmp}/export-snapshot.XXXXXX")"
ids_file="$(mktemp "${TMPDIR:-/tmp}/export-snapshot.XXXXXX")"
trap 'rm -rf "$stage"; rm -f "$err_file" "$ids_file"' EXIT
mkdir "$stage/registrations"

# run_az OUTPUT_FILE ARGS... : runs az ARGS, writing its stdout to OUTPUT_FILE only on success.
run_az() {
    local target="$1"
    shift
    printf '%s: az %s\n' "$prog" "$*" >&2
    if ! "$az" "$@" >"$target.partial" 2>"$err_file"; then
        rm -f "$target.partial"
        cat "$err_file" >&2
        die "'az $*' failed (see the az message above)"
    fi
    cat "$err_file" >&2  # az warnings, if any
    mv "$target.partial" "$target"
}

dps=(--dps-name "$dps_name" --resource-group "$resource_group")
run_az "$stage/dps.json" iot dps show --name "$dps_name" --resource-group "$resource_group" -o json
run_az "$stage/certificates.json" iot dps certificate list "${dps[@]}" -o json
run_az "$stage/enrollment-groups.json" iot dps enrollment-group list "${dps[@]}" -o json
run_az "$stage/enrollments.json" iot dps enrollment list "${dps[@]}" -o json
run_az "$stage/linked-hubs.json" iot dps linked-hub list "${dps[@]}" -o json

# Group ids as plain lines: no JSON parser needed.
run_az "$ids_file" iot dps enrollment-group list "${dps[@]}" --query "[].enrollmentGroupId" -o tsv
while IFS= read -r group_id || [ -n "$group_id" ]; do
    group_id="${group_id%$'\r'}"
    [ -n "$group_id" ] || continue
    case "$group_id" in
        */* | . | ..) die "enrollment group id '$group_id' cannot be a file name" ;;
    esac
    run_az "$stage/registrations/$group_id.json" iot dps enrollment-group registration list \
        "${dps[@]}" --enrollment-id "$group_id" -o json
done <"$ids_file"

if [ ${#ca_files[@]} -gt 0 ]; then
    mkdir -p "$stage/ca" || die "cannot create $out/ca"
    for file in "${ca_files[@]}"; do
        cp -- "$file" "$stage/ca/" || die "cannot copy $file"
    done
    printf '%s: copied %d CA file(s) to %s/ca\n' "$prog" "${#ca_files[@]}" "$out" >&2
else
    printf '%s: note: no --ca-dir, so %s has no ca/ (the az CLI cannot export CA certificate bodies)\n' \
        "$prog" "$out" >&2
fi
if [ -d "$out" ]; then
    rmdir "$out" || die "cannot replace the empty directory $out"
fi
mv "$stage" "$out" || die "cannot move the export to $out"
printf '%s: snapshot written to %s\n' "$prog" "$out" >&2
