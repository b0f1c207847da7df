#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

enum class Severity { notice = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity) noexcept;
std::optional<Severity> parse_severity(std::string_view text) noexcept;

// Where a finding is. Every field is optional; a finding fills what applies.
struct Location {
    std::string file;
    std::optional<std::size_t> certificate_index;  // position of the certificate in a PEM bundle
    std::optional<std::size_t> line;               // 1-based line in `file`
    // Where the value at json_pointer starts and ends in `file` (resolve_positions,
    // dpslint/finding_positions.hpp): 1-based column in UTF-16 code units, SARIF's default; the
    // end is exclusive. Unset for findings outside a JSON export.
    std::optional<std::size_t> column;
    std::optional<std::size_t> end_line;
    std::optional<std::size_t> end_column;
    std::string json_pointer;                  // into a snapshot JSON file
    std::string enrollment_kind;               // "group" | "individual" | ""
    std::string enrollment_id;                 // enrollmentGroupId or registrationId
    std::string registration_id;               // of the device a finding is about
    std::string ca_name;                       // DPS certificate record name
    std::string subject;                       // certificate subject DN (RFC 4514)
    std::string sha256;                        // certificate SHA-256 thumbprint (upper hex)
    std::string sha1;                          // certificate SHA-1 thumbprint, as DPS shows
    std::optional<std::size_t> path_position;  // 0 = leaf, counting up to the trust anchor

    friend bool operator==(const Location&, const Location&) = default;
};

// The one result type of dpslint: validator checks (`chain.*`), attestation decisions and lint
// rules all report through it.
struct Finding {
    std::string id;  // stable, dotted: "chain.expired", "enrollment.ca-is-root"
    Severity severity = Severity::error;
    std::string message;
    Location location;
    std::string citation;  // "RFC 5280 §6.1.3 (a)(2)" or a DPS documentation reference

    friend bool operator==(const Finding&, const Finding&) = default;
};

// Total order used for every report so the same input gives the same bytes: location first
// (file, certificate index, JSON pointer, enrollment, path position), then id, then message.
bool finding_less(const Finding& a, const Finding& b);
void sort_findings(std::vector<Finding>& findings);

bool has_severity_at_least(const std::vector<Finding>& findings, Severity level);

}  // namespace dpslint
DPSLINT_API_END
