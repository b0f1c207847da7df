#pragma once

#include <nlohmann/json.hpp>

#include "dpslint/attestation.hpp"

namespace dpslint::cli {

// The per-device object of `simulate` JSON output (README "simulate JSON").
nlohmann::json to_json(const AttestationResult& result);

// "tags {environment, location}; desired {firmware, telemetryInterval}"
std::string describe_twin(const nlohmann::json& twin);

}  // namespace dpslint::cli
