#include "dpslint/base64.hpp"

#include <catch2/catch.hpp>

using namespace dpslint;

TEST_CASE("base64 round trip for every padding length", "[base64]") {
    for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
        const auto encoded = base64_encode(as_bytes(s));
        Bytes decoded;
        REQUIRE(base64_decode(encoded, decoded));
        CHECK(std::string(decoded.begin(), decoded.end()) == s);
    }
    CHECK(base64_encode(as_bytes("foobar")) == "Zm9vYmFy");
}

TEST_CASE("base64 decoding skips line breaks and rejects junk", "[base64]") {
    Bytes out;
    CHECK(base64_decode("Zm9v\r\nYmFy\n", out));
    CHECK(std::string(out.begin(), out.end()) == "foobar");
    CHECK_FALSE(base64_decode("Zm9v!", out));
    CHECK_FALSE(base64_decode("Zm9", out));
    CHECK_FALSE(base64_decode("Zg==Zg==", out));
    CHECK_FALSE(base64_decode("Z===", out));
}
