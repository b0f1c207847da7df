#include "dpslint/time.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace dpslint {

namespace {

using namespace std::chrono;

// Reads exactly `width` digits at `pos`.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t width, int& out) {
    if (pos + width > s.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    pos += width;
    out = v;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

std::optional<TimePoint> compose(int y, int mo, int d, int h, int mi, int sec) {
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    // A leap second is folded into the next second; certificates never carry one in practice.
    return TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{sec};
}

}  // namespace

TimePoint make_time(int y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned s) {
    return TimePoint{sys_days{year{y} / month{mo} / day{d}}} + hours{h} + minutes{mi} + seconds{s};
}

std::optional<TimePoint> parse_rfc3339(std::string_view s) {
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!read_digits(s, pos, 4, y) || !expect(s, pos, '-') || !read_digits(s, pos, 2, mo)
        || !expect(s, pos, '-') || !read_digits(s, pos, 2, d)) {
        return std::nullopt;
    }
    if (pos == s.size())
        return compose(y, mo, d, 0, 0, 0);
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
        return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, h) || !expect(s, pos, ':') || !read_digits(s, pos, 2, mi)
        || !expect(s, pos, ':') || !read_digits(s, pos, 2, sec)) {
        return std::nullopt;
    }
    if (expect(s, pos, '.')) {
        const std::size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
            ++pos;
        if (pos == start)
            return std::nullopt;
    }
    auto base = compose(y, mo, d, h, mi, sec);
    if (!base)
        return std::nullopt;
    if (expect(s, pos, 'Z') || expect(s, pos, 'z')) {
        return pos == s.size() ? base : std::nullopt;
    }
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const int sign = s[pos] == '+' ? 1 : -1;
        ++pos;
        int oh = 0, om = 0;
        if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om)
            || pos != s.size() || oh > 23 || om > 59) {
            return std::nullopt;
        }
        return *base - sign * (hours{oh} + minutes{om});
    }
    return std::nullopt;
}

std::optional<TimePoint> parse_rfc1123(std::string_view s) {
    // "Fri, 06 May 2022 17:50:01 GMT"; the weekday is informative and not cross-checked.
    static constexpr std::array<std::string_view, 12> months{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::size_t pos = 0;
    const auto comma = s.find(',');
    if (comma != std::string_view::npos)
        pos = comma + 1;
    while (pos < s.size() && s[pos] == ' ')
        ++pos;
    int d = 0, y = 0, h = 0, mi = 0, sec = 0;
    std::size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
        ++pos;
    if (pos == start || pos - start > 2)
        return std::nullopt;
    {
        std::size_t p = start;
        if (!read_digits(s, p, pos - start, d))
            return std::nullopt;
    }
    if (!expect(s, pos, ' ') || pos + 3 > s.size())
        return std::nullopt;
    int mo = 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (s.substr(pos, 3) == months[i])
            mo = static_cast<int>(i) + 1;
    }
    if (mo == 0)
        return std::nullopt;
    pos += 3;
    if (!expect(s, pos, ' ') || !read_digits(s, pos, 4, y) || !expect(s, pos, ' ')
        || !read_digits(s, pos, 2, h) || !expect(s, pos, ':') || !read_digits(s, pos, 2, mi)
        || !expect(s, pos, ':') || !read_digits(s, pos, 2, sec)) {
        return std::nullopt;
    }
    const std::string_view zone = s.substr(pos);
    if (zone != " GMT" && zone != " UTC" && zone != " +0000" && zone != " Z")
        return std::nullopt;
    return compose(y, mo, d, h, mi, sec);
}

std::string format_rfc3339(TimePoint t) {
    const auto day_point = floor<days>(t);
    const year_month_day ymd{day_point};
    const hh_mm_ss hms{t - day_point};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()),
                  static_cast<long>(hms.minutes().count()),
                  static_cast<long>(hms.seconds().count()));
    return buffer;
}

}  // namespace dpslint
