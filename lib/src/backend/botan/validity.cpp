#include "backend/botan/validity.hpp"

#include <chrono>
#include <string>

#include "dpslint/backend.hpp"

namespace dpslint::botan {

namespace {

bool digits(ByteView text, std::size_t pos, std::size_t count, int& out) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    out = value;
    return true;
}

}  // namespace

TimePoint decode_time(const Tlv& time, const char* which) {
    const auto malformed = [which]() {
        return ParseError(std::string("malformed ") + which + " time");
    };
    const bool utc = time.is_universal(tag::utc_time);
    if (!utc && !time.is_universal(tag::generalized_time))
        throw malformed();
    const ByteView text = time.content;
    const std::size_t year_digits = utc ? 2 : 4;
    if (text.size() != year_digits + 11 || text.back() != 'Z')
        throw malformed();
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::size_t pos = 0;
    if (!digits(text, pos, year_digits, year))
        throw malformed();
    pos += year_digits;
    for (int* field : {&month, &day, &hour, &minute, &second}) {
        if (!digits(text, pos, 2, *field))
            throw malformed();
        pos += 2;
    }
    if (utc)
        year += year < 50 ? 2000 : 1900;
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59)
        throw malformed();
    return make_time(year, static_cast<unsigned>(month), static_cast<unsigned>(day),
                     static_cast<unsigned>(hour), static_cast<unsigned>(minute),
                     static_cast<unsigned>(second));
}

}  // namespace dpslint::botan
