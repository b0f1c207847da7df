#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/json_source_map.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Fills line, column, end_line and end_column of every finding whose file has a source map
// (Snapshot::source_maps): where the value at its JSON pointer starts and ends, or where its
// nearest existing ancestor does when the pointer names a member that is absent ("missing key"
// points at the object that lacks it). A finding without a pointer is about its whole file: the
// document's range. Findings of other files (certificates: their PEM BEGIN line is already in
// `line`) are left as they are.
void resolve_positions(std::vector<Finding>& findings, const SourceMaps& maps);

// The certificates of one certificate file in file order: each one's SHA-256 (upper hex) and PEM
// BEGIN line (0 for DER).
using PemBlocks = std::vector<std::pair<std::string, std::size_t>>;

// Gives a finding about a certificate of that file the BEGIN line of the certificate it names
// (by its index in the file, else by its SHA-256), unless it has a line or a JSON pointer already.
void add_pem_line(Location& location, const PemBlocks& blocks);

}  // namespace dpslint
DPSLINT_API_END
