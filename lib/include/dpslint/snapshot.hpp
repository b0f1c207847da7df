#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/json_source_map.hpp"
#include "dpslint/time.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Where a snapshot value came from: the export file and a JSON pointer into it.
struct SourceRef {
    std::string file;
    std::string pointer;  // RFC 6901, "" for the whole document
};

enum class AllocationPolicy { hashed, geo_latency, static_hub, custom };

// Case-insensitive: "Hashed", "hashed", "geoLatency", "GeoLatency", "geolatency", "Static", ...
std::optional<AllocationPolicy> parse_allocation_policy(std::string_view text) noexcept;
// The data-plane spelling: "hashed", "geoLatency", "static", "custom".
std::string_view to_string(AllocationPolicy policy) noexcept;

// `az iot dps linked-hub list` entry, or `properties.iotHubs[i]` of `az iot dps show`.
struct LinkedHub {
    std::string name;  // host name, "hub-a.azure-devices.net"
    std::string location;
    std::optional<int> allocation_weight;         // null => 1
    std::optional<bool> apply_allocation_policy;  // null => true
    std::string connection_string_host;  // HostName= part of the connection string; keys dropped
    std::string authentication_type;     // "KeyBased" | "SystemAssigned" | "UserAssigned" | ""
    SourceRef source;

    int weight() const noexcept { return allocation_weight.value_or(1); }
    bool applies_allocation_policy() const noexcept {
        return apply_allocation_policy.value_or(true);
    }
};

// `az iot dps show`.
struct ServiceSettings {
    std::string name;
    std::string location;
    std::string id_scope;
    std::string state;
    std::string resource_group;  // "resourceGroup" or raw "resourcegroup"
    std::string allocation_policy_raw;
    std::optional<AllocationPolicy> allocation_policy;  // service default (Hashed at creation)
    SourceRef source;
};

// A CA certificate uploaded to DPS (`az iot dps certificate list` entry), paired with the CA file
// the user supplied (the CLI never returns certificate bodies).
struct CaRecord {
    std::string name;        // what caReferences.primary/secondary refer to
    std::string subject;     // as exported: a bare CN value or "CN=..."
    std::string thumbprint;  // SHA-1 as exported (upper-case hex normally)
    bool is_verified = false;
    std::optional<TimePoint> expiry;
    std::optional<TimePoint> created;  // may be 0001-01-01 (DateTime.MinValue) in real exports
    std::optional<TimePoint> updated;
    std::string etag;
    // The record's certificate: its own properties.certificate (what `az iot dps certificate
    // show` returns) when that matches the thumbprint, else the paired CA file's; null when
    // neither is known.
    CertificatePtr certificate;
    std::string certificate_file;  // where it came from: a ca/ file, or "certificates.json:/..."
    SourceRef source;
};

// X509CertificateInfo as the service computes it.
struct X509CertificateInfo {
    std::string subject_name;
    std::string sha1_thumbprint;
    std::string sha256_thumbprint;
    std::string issuer_name;
    std::optional<TimePoint> not_before;
    std::optional<TimePoint> not_after;
    std::string serial_number;
    std::optional<int> version;
};

// `signingCertificates.primary` / `clientCertificates.primary` and their secondaries.
struct X509CertificateWithInfo {
    std::optional<std::string> certificate_text;  // PEM or base64 DER, when exported
    CertificatePtr certificate;                   // parsed from certificate_text
    std::optional<X509CertificateInfo> info;
    SourceRef source;

    // SHA-1 thumbprint from the parsed body, else from info; upper-case; empty when neither.
    std::string sha1() const;
    std::string sha256() const;
};

enum class AttestationType { x509, symmetric_key, tpm, none, unknown };
std::string_view to_string(AttestationType type) noexcept;

struct X509Attestation {
    std::optional<X509CertificateWithInfo> signing_primary;
    std::optional<X509CertificateWithInfo> signing_secondary;
    std::optional<std::string> ca_reference_primary;
    std::optional<std::string> ca_reference_secondary;
    std::optional<X509CertificateWithInfo> client_primary;
    std::optional<X509CertificateWithInfo> client_secondary;
};

struct Attestation {
    AttestationType type = AttestationType::unknown;
    std::string type_raw;
    std::optional<X509Attestation> x509;
};

struct ReprovisionPolicy {
    bool update_hub_assignment = true;
    bool migrate_device_data = true;
};

struct CustomAllocationDefinition {
    std::string webhook_url;
    std::string api_version;
    SourceRef source;
};

// What enrollment groups and individual enrollments share.
struct EnrollmentSettings {
    Attestation attestation;
    std::string provisioning_status_raw;  // "enabled" (default) | "disabled"
    bool enabled = true;
    std::string allocation_policy_raw;
    std::optional<AllocationPolicy> allocation_policy;  // absent => the service default
    std::vector<std::string> iot_hubs;                  // empty => all linked hubs
    std::string iot_hub_host_name;                      // legacy, implies static
    std::optional<CustomAllocationDefinition> custom_allocation;
    std::optional<ReprovisionPolicy> reprovision_policy;  // absent in the export
    std::optional<bool> iot_edge;                         // capabilities.iotEdge
    // initialTwin as exported, with the null version/count/metadata keys of create/update output
    // removed from its twin collections.
    std::optional<nlohmann::json> initial_twin;
    std::string etag;
    std::optional<TimePoint> created;
    std::optional<TimePoint> last_updated;
    SourceRef source;  // the entry itself
};

struct EnrollmentGroup {
    std::string id;  // enrollmentGroupId
    EnrollmentSettings settings;
};

struct IndividualEnrollment {
    std::string registration_id;
    std::optional<std::string> device_id;
    EnrollmentSettings settings;
};

// `az iot dps enrollment-group registration list` entry.
struct RegistrationRecord {
    std::string registration_id;
    std::string device_id;
    std::string assigned_hub;
    std::string status;
    std::string substatus;
    std::optional<long long> error_code;
    std::string error_message;
    SourceRef source;
};

// A CA certificate file from the snapshot's ca/ folder (or the single-file form's "ca" array).
struct CaFile {
    std::string path;  // "ca/intermediate.pem" (or "snapshot.json:/ca/2")
    CertificatePtr certificate;
    bool paired = false;  // some certificates.json record has its SHA-1 thumbprint
};

// Everything dpslint knows about one DPS instance, as exported with the az CLI.
struct Snapshot {
    std::string origin;  // the directory or file given to --snapshot

    std::optional<ServiceSettings> service;  // dps.json
    // linked-hubs.json, else dps.json's properties.iotHubs when it is an array (an empty array:
    // no hub linked); nullopt when neither states the hubs (absent or null iotHubs: unknown).
    std::optional<std::vector<LinkedHub>> linked_hubs;
    std::optional<std::vector<CaRecord>> certificates;  // certificates.json
    std::vector<EnrollmentGroup> groups;                // enrollment-groups.json (required)
    std::optional<std::vector<IndividualEnrollment>> individuals;          // enrollments.json
    std::map<std::string, std::vector<RegistrationRecord>> registrations;  // by group id
    std::vector<CaFile> ca_files;

    // One line per part that was absent, and what could therefore not be checked:
    // "certificates.json absent: verified-CA status unknown, ca.* rules skipped".
    std::vector<std::string> missing_parts;

    // What loading noticed without rejecting the snapshot, located in the export:
    // input.field-ignored (notice: an informational field of the wrong type, ignored),
    // input.ca-file-unmatched (notice: a ca/ certificate no record has, not used to complete
    // chains), input.certificate-body-mismatch (warning: a record's own body with another
    // thumbprint, not used). Sorted.
    std::vector<Finding> load_findings;

    // Where every value of every export file read sits in its text, by the file name findings
    // carry (Location::file): resolve_positions (dpslint/finding_positions.hpp) turns a finding's
    // JSON pointer into the line and column CI annotations need.
    SourceMaps source_maps;

    // The CA certificates DPS holds, which complete the chains devices present: every record's
    // known certificate and, when certificates.json is absent (nothing to pair with), every
    // ca/ file. A ca/ file no record has is not uploaded to DPS and is left out.
    std::vector<CertificatePtr> uploaded_ca_certificates() const;

    const CaRecord* find_certificate(std::string_view name) const;          // by record name
    const CaRecord* find_certificate_by_sha1(std::string_view sha1) const;  // case-insensitive
    std::vector<LinkedHub> hubs() const;  // linked hubs, or empty when unknown
    // The one decision every hub check (the simulator's allocation, the allocation.* rules)
    // takes: the linked hubs when known, null when unknown (those checks are then notChecked,
    // never "no hub").
    const std::vector<LinkedHub>* known_linked_hubs() const noexcept;
    // The service default allocation policy; Hashed when dps.json is absent or silent.
    AllocationPolicy default_allocation_policy() const;
};

// Loads a snapshot directory (dps.json, certificates.json, enrollment-groups.json,
// enrollments.json, linked-hubs.json, registrations/<groupId>.json, ca/) or a single JSON file
// with the same parts under the keys documented in the README. Throws InputError naming the file
// and JSON pointer for malformed JSON, wrong types, missing required keys and duplicate keys, and
// the file and place for unreadable files and bad ca/ certificates. Its certificates are parsed
// with `backend`. The Snapshot is plain data: once loaded, any number of threads may read it.
Snapshot load_snapshot(const std::filesystem::path& path, const CryptoBackend& backend);

}  // namespace dpslint
DPSLINT_API_END
