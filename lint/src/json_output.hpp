#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

namespace dpslint::cli {

// Every JSON document dpslint writes goes through here (reports, report lines, and any later
// JSON-based format such as SARIF). Each string and key is made valid UTF-8 first
// (dpslint/output_text.hpp valid_utf8: a byte that is not UTF-8 becomes \xHH) and cut to
// max_json_string_bytes, so bytes from the input can never make nlohmann's writer throw, nor a
// long value repeated in many places multiply the output. `indent` < 0: one line.
std::string json_text(const nlohmann::json& document, int indent = -1);

// json_text(document, indent) and a newline.
void write_json(std::ostream& out, const nlohmann::json& document, int indent = 2);

}  // namespace dpslint::cli
