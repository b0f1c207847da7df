#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Every time in dpslint is explicit: the library never reads the clock. Seconds since the Unix
// epoch, UTC; certificates' GeneralizedTime years 0001..9999 fit.
using TimePoint = std::chrono::sys_seconds;

// RFC 3339 / ISO 8601 date-time: "2030-06-01T00:00:00Z", optional fraction (any number of digits,
// truncated to seconds), "Z" or a numeric offset. A bare date "2030-06-01" means midnight UTC.
std::optional<TimePoint> parse_rfc3339(std::string_view text);

// RFC 1123 as the DPS resource provider writes it: "Fri, 06 May 2022 17:50:01 GMT".
std::optional<TimePoint> parse_rfc1123(std::string_view text);

// "2030-06-01T00:00:00Z".
std::string format_rfc3339(TimePoint t);

TimePoint make_time(int year, unsigned month, unsigned day, unsigned hour = 0, unsigned minute = 0,
                    unsigned second = 0);

}  // namespace dpslint
DPSLINT_API_END
