// dpslint::Regex: RE2 with bounded compilation and linear-time matching, for patterns from
// configuration files matched against certificate fields.
#include "dpslint/regex.hpp"

#include <catch2/catch.hpp>

using namespace dpslint;

namespace regex_test {

namespace {

std::unique_ptr<const Regex> compile(const std::string& pattern) {
    std::string error;
    auto re = Regex::compile(pattern, error);
    INFO(error);
    REQUIRE(re);
    CHECK(error.empty());
    return re;
}

std::string compile_error(const std::string& pattern) {
    std::string error;
    CHECK_FALSE(Regex::compile(pattern, error));
    return error;
}

}  // namespace

TEST_CASE("regex: full match only", "[regex]") {
    const auto re = compile("device-[0-9]+");
    CHECK(re->full_match("device-42"));
    CHECK_FALSE(re->full_match("my-device-42"));
    CHECK_FALSE(re->full_match("device-42x"));
    CHECK(compile("^dev-[0-9]{6}$")->full_match("dev-123456"));
    CHECK(compile("\\d+")->full_match("123"));
}

TEST_CASE("regex: a 40,000-character text against an ordinary pattern", "[regex][hostile]") {
    // std::regex recursed once per character here and overflowed the stack.
    const auto re = compile("^[a-z0-9-]+$");
    CHECK(re->full_match(std::string(40000, 'a')));
    CHECK_FALSE(re->full_match(std::string(40000, 'a') + "!"));
}

TEST_CASE("regex: nested repetitions match in linear time", "[regex][hostile]") {
    // Exponential backtracking for std::regex: hours on 41 characters.
    const auto re = compile("^(([a-z0-9-])+)+$");
    CHECK_FALSE(re->full_match(std::string(41, 'a') + "!"));
    CHECK_FALSE(re->full_match(std::string(100000, 'a') + "!"));
    CHECK(re->full_match(std::string(100000, 'a')));
}

TEST_CASE("regex: patterns over the length limit are refused before parsing", "[regex][hostile]") {
    // 100,000 nested groups crashed std::regex's compiler.
    const std::string nested = std::string(100000, '(') + "a" + std::string(100000, ')');
    CHECK(compile_error(nested) == "pattern of 200001 bytes is longer than the limit of 1024");
    CHECK(compile_error(std::string(Regex::max_pattern_bytes + 1, 'a')).find("limit of 1024")
          != std::string::npos);
    CHECK(compile(std::string(Regex::max_pattern_bytes, 'a')));
}

TEST_CASE("regex: a pattern whose program is too large is refused", "[regex][hostile]") {
    // A thousand copies of the Unicode letter class: short, but megabytes once compiled.
    CHECK(compile_error("\\pL{1000}")
          == "pattern too large: its compiled form exceeds the 2 MiB limit");
    // Nested repetitions multiply; RE2 refuses more than 1000 in all.
    CHECK(compile_error("((a{100}){100}){100}") == "bad repetition count (at most 1000)");
}

TEST_CASE("regex: syntax errors say what is wrong without quoting the pattern", "[regex]") {
    CHECK(compile_error("a(b") == "missing closing )");
    CHECK(compile_error("[a-") == "missing closing ]");
    CHECK(compile_error("*a") == "repetition operator without an argument");
    CHECK(compile_error("(?<=a)b").find("lookaround") != std::string::npos);
    CHECK(compile_error("a{2000}") == "bad repetition count (at most 1000)");
    CHECK(compile_error("\xff") == "invalid UTF-8");
}

}  // namespace regex_test
