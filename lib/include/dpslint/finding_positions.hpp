#pragma once

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

}  // namespace dpslint
DPSLINT_API_END
