#pragma once

#include <cstddef>
#include <string>

#include "formats/report_model.hpp"

namespace dpslint::cli::formats {

// A job summary for $GITHUB_STEP_SUMMARY or a pull-request comment: verdict, counts by severity
// and by rule, the decisions table, the first `max_findings` findings with their locations, and
// a Mermaid flowchart of the trust picture (CA records and their verified status -> enrollment
// groups, enabled or disabled -> hubs; blocked and rejected devices). Every input string is
// escaped (markdown_text, mermaid_label).
std::string markdown_summary(const ReportModel& model, std::size_t max_findings = 50);

}  // namespace dpslint::cli::formats
