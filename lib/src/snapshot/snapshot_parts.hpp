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
#include "dpslint/json_input.hpp"
#include "dpslint/snapshot.hpp"

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

// `az iot dps show`.
ServiceSettings read_service(const JsonCursor& document);
// `az iot dps linked-hub list` (an array) or `properties.iotHubs` of `az iot dps show`.
std::vector<LinkedHub> read_linked_hubs(const JsonCursor& list);

// `az iot dps certificate list`: {"value": [...]} or a bare array.
std::vector<CaRecord> read_certificates(const JsonCursor& document);

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
// Sets CaRecord::certificate/certificate_file and CaFile::paired by SHA-1 thumbprint.
void pair_ca_files(Snapshot& snapshot);

// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
bool iequals(std::string_view a, std::string_view b) noexcept;
// Hex thumbprints compared case-insensitively, ignoring ':' and space separators.
bool same_thumbprint(std::string_view a, std::string_view b);

}  // namespace dpslint::snapshot_detail
