#pragma once

// Internal to the snapshot loader: one reader per export part. Each takes a JsonCursor on the
// part's document (or the matching key of the single-file form) and throws InputError naming the
// file and JSON pointer of whatever is wrong.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/backend.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/json_input.hpp"
#include "dpslint/snapshot.hpp"
#include "dpslint/thumbprint.hpp"

namespace dpslint::snapshot_detail {

// Member `key` as a date: ISO 8601 (up to 7 fractional digits, as .NET writes them) or RFC 1123
// ("Mon, 01 Jan 0001 00:00:00 GMT"). Absent or null -> nullopt.
std::optional<TimePoint> optional_date(const JsonCursor& object, std::string_view key);

// `value` (a string: PEM text or base64 of DER) as certificates, in order; at least one.
// Throws InputError at value's pointer when it is neither or does not parse.
std::vector<CertificatePtr> parse_inline_certificates(const JsonCursor& value,
                                                      const CryptoBackend& backend);

// Member `key` as an allocation policy in any casing; stores the exported text in `raw` ("" when
// absent or null). Throws InputError for a value that is no known policy.
std::optional<AllocationPolicy> optional_allocation_policy(const JsonCursor& object,
                                                           std::string_view key, std::string& raw);

// A SourceRef for `cursor`.
SourceRef source_of(const JsonCursor& cursor);

// Which export a document is, for drop_ill_typed_informational_fields.
enum class InformationalPart { enrollment_groups, individual_enrollments, certificates, service };

// Drops the informational fields (etag, timestamps, info.version / serialNumber / notBeforeUtc,
// ...) that hold a value of the wrong type from `part_value`, an array of entries or one entry
// (certificates: {"value": [...]} too) at `pointer` of `file`, with one input.field-ignored
// notice each. Run before the part's reader, which stays strict about every other field.
void drop_ill_typed_informational_fields(nlohmann::json& part_value, InformationalPart kind,
                                         const std::string& file, const std::string& pointer,
                                         std::vector<Finding>& notices);

// `az iot dps show`.
ServiceSettings read_service(const JsonCursor& document);
// `az iot dps linked-hub list` (an array) or `properties.iotHubs` of `az iot dps show`.
std::vector<LinkedHub> read_linked_hubs(const JsonCursor& list);
// The hubs `az iot dps show` states in properties.iotHubs; nullopt when the key is absent or
// null, which the published DPSGet examples show: that means "not stated", not "none linked".
std::optional<std::vector<LinkedHub>> read_service_hubs(const JsonCursor& document);

// `az iot dps certificate list`: {"value": [...]} or a bare array. A record's own body
// (properties.certificate) becomes its certificate when the thumbprints agree; a mismatch is
// appended to `findings`.
std::vector<CaRecord> read_certificates(const JsonCursor& document, const CryptoBackend& backend,
                                        std::vector<Finding>& findings);

// `az iot dps enrollment-group list` (array) or one group from show/create/update (object).
std::vector<EnrollmentGroup> read_enrollment_groups(const JsonCursor& document,
                                                    const CryptoBackend& backend);
// `az iot dps enrollment list` (array) or one enrollment (object).
std::vector<IndividualEnrollment> read_individual_enrollments(const JsonCursor& document,
                                                              const CryptoBackend& backend);
// What groups and individual enrollments share; `entry` is the enrollment object.
EnrollmentSettings read_enrollment_settings(const JsonCursor& entry, const CryptoBackend& backend);
Attestation read_attestation(const JsonCursor& attestation, const CryptoBackend& backend);

// `az iot dps enrollment-group registration list`.
std::vector<RegistrationRecord> read_registrations(const JsonCursor& list);

// Every file of `directory` but subdirectories, sorted by name (a FIFO or device is an error);
// one CaFile per certificate.
std::vector<CaFile> read_ca_directory(const std::filesystem::path& directory,
                                      const CryptoBackend& backend);
// The single-file form's "ca" array of PEM texts / base64 DER strings.
std::vector<CaFile> read_ca_array(const JsonCursor& list, const CryptoBackend& backend);
// Sets CaRecord::certificate/certificate_file (unless the record has its own body) and
// CaFile::paired by SHA-1 thumbprint, also against inline group certificates; reports each ca/
// certificate that pairs with nothing (input.ca-file-unmatched) in load_findings.
void pair_ca_files(Snapshot& snapshot);

// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
bool iequals(std::string_view a, std::string_view b) noexcept;
// Hex thumbprints compared case-insensitively, ignoring ':' and space separators.

}  // namespace dpslint::snapshot_detail
