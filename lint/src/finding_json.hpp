#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/certificate.hpp"
#include "dpslint/finding.hpp"

namespace dpslint::cli {

// The one JSON shape of a finding in every report (README "JSON output").
nlohmann::json to_json(const Location& location);
nlohmann::json to_json(const Finding& finding);
nlohmann::json to_json(const std::vector<Finding>& findings);

// Identity of a certificate in reports: subject, issuer, serial, thumbprints, validity.
nlohmann::json certificate_summary(const Certificate& certificate);

}  // namespace dpslint::cli
