#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "dpslint/forecast.hpp"

namespace dpslint::cli {

// What the forecast reports say about where it came from, besides the forecast itself.
struct ForecastRunInfo {
    std::string snapshot;  // --snapshot as given
    std::string dps;       // the DPS name; empty when dps.json is absent
};

// {"command": "forecast", "at", "until", "events": [...]}: the documented shape.
nlohmann::json forecast_json(const Forecast& forecast);

// A per-month histogram of the devices lost, then every event and every enrollment that stops.
void print_forecast_text(const Forecast& forecast, const ForecastRunInfo& info, std::ostream& out);

// The same for a pull request or wiki page: a Mermaid bar chart GitHub renders, and tables.
void print_forecast_markdown(const Forecast& forecast, const ForecastRunInfo& info,
                             std::ostream& out);

}  // namespace dpslint::cli
