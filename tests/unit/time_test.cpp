#include "dpslint/time.hpp"

#include <catch2/catch.hpp>

using namespace dpslint;

TEST_CASE("RFC 3339 parsing accepts the forms users type and exports contain", "[time]") {
    CHECK(parse_rfc3339("2030-06-01T00:00:00Z") == make_time(2030, 6, 1));
    CHECK(parse_rfc3339("2030-06-01") == make_time(2030, 6, 1));
    CHECK(parse_rfc3339("2022-07-05T21:27:16.8123235Z") == make_time(2022, 7, 5, 21, 27, 16));
    CHECK(parse_rfc3339("2030-06-01T02:00:00+02:00") == make_time(2030, 6, 1));
    CHECK(parse_rfc3339("2030-06-01T00:00:00-01:30") == make_time(2030, 6, 1, 1, 30));
    CHECK(parse_rfc3339("0001-01-01T00:00:00Z") == make_time(1, 1, 1));
    CHECK(parse_rfc3339("9999-12-31T23:59:59Z") == make_time(9999, 12, 31, 23, 59, 59));
}

TEST_CASE("RFC 3339 parsing rejects malformed and impossible dates", "[time]") {
    for (const char* bad :
         {"", "2030", "2030-13-01", "2030-02-30", "2030-06-01T25:00:00Z", "2030-06-01T00:00:00",
          "2030-06-01T00:00:00Zjunk", "yesterday", "2030-06-01T00:00:00.Z", "2030-6-1"}) {
        INFO(bad);
        CHECK_FALSE(parse_rfc3339(bad).has_value());
    }
}

TEST_CASE("RFC 1123 dates as the DPS resource provider writes them", "[time]") {
    CHECK(parse_rfc1123("Fri, 06 May 2022 17:50:01 GMT") == make_time(2022, 5, 6, 17, 50, 1));
    CHECK(parse_rfc1123("Mon, 01 Jan 0001 00:00:00 GMT") == make_time(1, 1, 1));
    CHECK_FALSE(parse_rfc1123("Fri, 06 Mai 2022 17:50:01 GMT").has_value());
    CHECK_FALSE(parse_rfc1123("2022-05-06T17:50:01Z").has_value());
}

TEST_CASE("formatting round-trips", "[time]") {
    const auto t = make_time(2030, 6, 1, 12, 34, 56);
    CHECK(format_rfc3339(t) == "2030-06-01T12:34:56Z");
    CHECK(parse_rfc3339(format_rfc3339(t)) == t);
    CHECK(format_rfc3339(make_time(1, 1, 1)) == "0001-01-01T00:00:00Z");
}
