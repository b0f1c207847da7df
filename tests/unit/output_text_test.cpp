// The one sanitiser every output format uses for bytes from the input.
#include "dpslint/output_text.hpp"

#include <string>

#include <catch2/catch.hpp>

using namespace dpslint;

TEST_CASE("valid_utf8 keeps UTF-8 and control characters and escapes every other byte",
          "[output][hostile]") {
    CHECK(valid_utf8("plain") == "plain");
    CHECK(valid_utf8("caf\xC3\xA9 \xF0\x9F\x94\x92") == "caf\xC3\xA9 \xF0\x9F\x94\x92");
    CHECK(valid_utf8("a\nb\tc") == "a\nb\tc");
    CHECK(valid_utf8("\xFF\xFE") == "\\xFF\\xFE");
    CHECK(valid_utf8("\xC3") == "\\xC3");                             // cut short
    CHECK(valid_utf8("\xC0\xAF") == "\\xC0\\xAF");                    // overlong '/'
    CHECK(valid_utf8("\xED\xA0\x80") == "\\xED\\xA0\\x80");           // surrogate
    CHECK(valid_utf8("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // beyond U+10FFFF
    CHECK(valid_utf8("ok\xE2\x82") == "ok\\xE2\\x82");
}

TEST_CASE("one_line escapes what breaks or hides a line", "[output][hostile]") {
    CHECK(one_line("a\nb\r\tc") == "a\\nb\\r\\tc");
    CHECK(one_line(std::string("n\0x", 3)) == "n\\x00x");
    CHECK(one_line("\x1B[2J\x7F") == "\\x1B[2J\\x7F");
    CHECK(one_line("c1\xC2\x85") == "c1\\u0085");
    CHECK(one_line("ls\xE2\x80\xA8ps\xE2\x80\xA9") == "ls\\u2028ps\\u2029");
    CHECK(one_line("rlo\xE2\x80\xAEtxt.exe") == "rlo\\u202Etxt.exe");
    CHECK(one_line("\xFF name") == "\\xFF name");
    CHECK(one_line("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(one_line("back\\slash") == "back\\slash");
}

TEST_CASE("one_line cuts long text at a character boundary and says how much is left",
          "[output][hostile]") {
    const std::string big(5'000'000, 'x');
    const std::string shown = one_line(big, 100);
    CHECK(shown.size() <= 100);
    CHECK(shown.find("...[+") != std::string::npos);
    CHECK(shown.ends_with(" bytes]"));
    CHECK(shown == one_line(shown, 100));  // idempotent

    std::string accents;
    for (int i = 0; i < 100; ++i)
        accents += "\xC3\xA9";
    const std::string cut = one_line(accents, 64);
    CHECK(cut.size() <= 64);
    CHECK(valid_utf8(cut) == cut);  // no character split in two

    const std::string newlines(10'000, '\n');
    CHECK(one_line(newlines, 200).size() <= 200);
    CHECK(one_line("short", 100) == "short");
    CHECK(one_line(std::string(100, 'y'), 100) == std::string(100, 'y'));  // exactly fits
}

TEST_CASE("quote_input shortens a value to the quoted limit", "[output][hostile]") {
    CHECK(quote_input("abc") == "'abc'");
    CHECK(quote_input("a\nb") == "'a\\nb'");
    CHECK(quote_input(std::string(1000, 'v')).size() <= max_quoted_bytes + 2);
}

TEST_CASE("valid_utf8 cuts to a limit when asked", "[output][hostile]") {
    const std::string big(100'000, 'j');
    const std::string cut = valid_utf8(big, max_json_string_bytes);
    CHECK(cut.size() <= max_json_string_bytes);
    const std::size_t marker = cut.find("...[+");
    REQUIRE(marker != std::string::npos);
    CHECK(cut.substr(marker) == "...[+" + std::to_string(100'000 - marker) + " bytes]");
    CHECK(valid_utf8(big) == big);  // no limit by default
    CHECK(valid_utf8("a\nb", 100) == "a\nb");
}
