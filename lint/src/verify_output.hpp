#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "render.hpp"
#include "text_style.hpp"
#include "verify_result.hpp"

namespace dpslint::cli {

nlohmann::json verify_result_json(const VerifyResult& result);
// Per leaf: valid or not, the path, policies and revocation when asked for, findings, and the
// rejected candidate paths of an invalid leaf; then what was read and a summary line.
void print_verify_result_text(const VerifyResult& result, std::ostream& out,
                              const TextStyle& style);

inline constexpr Reporter<VerifyResult> verify_reporter{verify_result_json,
                                                        print_verify_result_text};

}  // namespace dpslint::cli
