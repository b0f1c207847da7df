#pragma once

// Certificate validity times.

#include "dpslint/time.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// A Time CHOICE element in the RFC 5280 §4.1.2.5 forms only: UTCTime "YYMMDDHHMMSSZ" (YY < 50
// is 20YY) or GeneralizedTime "YYYYMMDDHHMMSSZ" (years 0000..9999), a real calendar date, seconds
// 00..59. Anything else throws ParseError("malformed <which> time").
TimePoint decode_time(const Tlv& time, const char* which);

}  // namespace dpslint::botan
