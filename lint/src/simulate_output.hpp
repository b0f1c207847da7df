#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "render.hpp"
#include "simulate_result.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

nlohmann::json simulate_result_json(const SimulateResult& result);
// The snapshot read, then per device its decision, chain, allocation and findings, then what was
// read and a summary line.
void print_simulate_result_text(const SimulateResult& result, std::ostream& out,
                                const TextStyle& style);

inline constexpr Reporter<SimulateResult> simulate_reporter{simulate_result_json,
                                                            print_simulate_result_text};

}  // namespace dpslint::cli
