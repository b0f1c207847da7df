#include "dpslint/pem.hpp"

#include <catch2/catch.hpp>

#include "dpslint/error.hpp"

using namespace dpslint;

TEST_CASE("PEM scanning finds blocks among other text, with their lines", "[pem]") {
    const std::string text =
        "subject=CN=x\n"
        "-----BEGIN CERTIFICATE-----\n"
        "Zm9v\n"
        "-----END CERTIFICATE-----\n"
        "junk between\n"
        "-----BEGIN PRIVATE KEY-----\n"
        "c2VjcmV0\n"
        "-----END PRIVATE KEY-----\n";
    const auto blocks = scan_pem("f.pem", text);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].label == "CERTIFICATE");
    CHECK(blocks[0].line == 2);
    CHECK(std::string(blocks[0].der.begin(), blocks[0].der.end()) == "foo");
    CHECK(blocks[1].is_private_key());
    CHECK(blocks[1].line == 6);
    CHECK(blocks[1].der.empty());  // key material is never decoded or kept
}

TEST_CASE("PEM scanning errors name the block and line", "[pem]") {
    const auto message = [](const std::string& text) {
        try {
            scan_pem("f.pem", text);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("-----BEGIN CERTIFICATE-----\nZm9v\n")
          == "f.pem:block 1 (line 1): no END CERTIFICATE line (truncated PEM)");
    CHECK(message("x\n-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n")
          == "f.pem:block 1 (line 2): invalid base64 in PEM body");
    CHECK(message("-----BEGIN CERTIFICATE-----\nZm9v\n-----END PRIVATE KEY-----\n")
          == "f.pem:block 1 (line 1): BEGIN CERTIFICATE closed by END PRIVATE KEY at line 3");
}
