#pragma once

#include <nlohmann/json.hpp>

#include "formats/report_model.hpp"

namespace dpslint::cli {

// A command's JSON report (its reporter's document) with what the CI model knows about each
// finding: its `fingerprint` and, with --baseline, its `baselineState` ("new" | "unchanged"),
// the top-level `fixed` list (baselined findings no longer found) and `summary.baseline`
// counts. Every array named "findings" or "inputFindings" is a list of findings (README "JSON
// output"); each is matched to the model's finding with the same rule, message, certificate
// index, JSON pointer, SHA-256 and file, so the value is the one SARIF writes as
// partialFingerprints for it. Findings the model does not carry (suppressed ones) are left as
// they are.
nlohmann::json with_fingerprints(nlohmann::json document, const formats::ReportModel& model);

}  // namespace dpslint::cli
