#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/path_validator.hpp"

namespace dpslint::cli {

// {"authoritiesConstrained": [...], "userConstrained": [...]}: RFC 5280 §6.1.6 outputs.
nlohmann::json policies_json(const PolicyOutcome& policies);

// One object per certificate but the anchor: position, subject, status, and reason,
// revocationDate, crl or detail when they apply.
nlohmann::json revocation_json(const PathValidation& validation);
// The same for any path (leaf first) and the statuses of its certificates.
nlohmann::json revocation_json(const std::vector<CertificateRevocation>& statuses,
                               const std::vector<CertificatePtr>& path);

// "2.16.840.1.101.3.2.1.48.1, ..." or "none" (anyPolicy shown as "anyPolicy").
std::string policies_text(const std::vector<std::string>& policies);

// "device certificate good, intermediate CA unknown (why), ..."
std::string revocation_text(const PathValidation& validation);
std::string revocation_text(const std::vector<CertificateRevocation>& statuses, std::size_t size);

}  // namespace dpslint::cli
