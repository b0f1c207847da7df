#include "dpslint/json_source_map.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "dpslint/json_input.hpp"

using dpslint::JsonSourceMap;
using dpslint::SourceRange;

namespace json_source_map_test {

// line, column, endLine, endColumn of `pointer`; zeros when absent.
SourceRange at(const JsonSourceMap& map, const std::string& pointer) {
    return map.find(pointer).value_or(SourceRange{});
}

}  // namespace json_source_map_test

using json_source_map_test::at;

TEST_CASE("JsonSourceMap gives the line and column where each pointer's value starts and ends",
          "[json][positions]") {
    const std::string text =
        "[\n"
        "  {\n"
        "    \"enrollmentGroupId\": \"group-a\",\n"
        "    \"attestation\": {\"x509\": {\"caReferences\": {\"primary\": \"ca-1\"}}},\n"
        "    \"provisioningStatus\": \"enabled\",\n"
        "    \"iotHubs\": [\"hub-1.azure-devices.net\", 2, true, null]\n"
        "  }\n"
        "]\n";
    const JsonSourceMap map = JsonSourceMap::build(text);

    const SourceRange whole = at(map, "");
    CHECK(whole.line == 1);
    CHECK(whole.column == 1);
    CHECK(whole.end_line == 8);
    CHECK(whole.end_column == 2);

    const SourceRange group = at(map, "/0");
    CHECK(group.line == 2);
    CHECK(group.column == 3);
    CHECK(group.end_line == 7);
    CHECK(group.end_column == 4);

    const SourceRange id = at(map, "/0/enrollmentGroupId");
    CHECK(id.line == 3);
    CHECK(id.column == 26);
    CHECK(id.end_column == 35);
    CHECK(text.substr(id.offset, id.end_offset - id.offset) == "\"group-a\"");

    const SourceRange primary = at(map, "/0/attestation/x509/caReferences/primary");
    CHECK(primary.line == 4);
    CHECK(text.substr(primary.offset, primary.end_offset - primary.offset) == "\"ca-1\"");

    CHECK(text.substr(at(map, "/0/iotHubs/1").offset, 1) == "2");
    const SourceRange last = at(map, "/0/iotHubs/3");
    CHECK(text.substr(last.offset, last.end_offset - last.offset) == "null");
    CHECK_FALSE(map.find("/0/iotHubs/4"));
    CHECK_FALSE(map.find("/1"));
}

TEST_CASE("JsonSourceMap decodes keys into RFC 6901 tokens", "[json][positions]") {
    const std::string text = R"({"a/b": 1, "m~n": 2, "caf\u00e9": 3, "\ud83d\ude00": 4, "q\"": 5})";
    const JsonSourceMap map = JsonSourceMap::build(text);
    CHECK(text.substr(at(map, "/a~1b").offset, 1) == "1");
    CHECK(text.substr(at(map, "/m~0n").offset, 1) == "2");
    CHECK(text.substr(at(map, "/caf\xC3\xA9").offset, 1) == "3");
    CHECK(text.substr(at(map, "/\xF0\x9F\x98\x80").offset, 1) == "4");
    CHECK(text.substr(at(map, "/q\"").offset, 1) == "5");
}

TEST_CASE("JsonSourceMap counts columns in UTF-16 code units and lines across CRLF",
          "[json][positions]") {
    // "é" is one unit, the emoji two: the value after them starts at column 1 + 1 + 5 + ...
    const std::string text = "{\r\n\"k\": [\"\xC3\xA9\xF0\x9F\x98\x80\", 7]\r\n}";
    const JsonSourceMap map = JsonSourceMap::build(text);
    const SourceRange seven = at(map, "/k/1");
    CHECK(seven.line == 2);
    // {"k": ["é😀", 7]: column of 7 = 1 + len('"k": ["') 7 + é 1 + emoji 2 + len('", ') 3
    CHECK(seven.column == 14);
    CHECK(at(map, "").end_line == 3);
}

TEST_CASE("JsonSourceMap skips a byte order mark and keeps byte offsets into the file",
          "[json][positions]") {
    const std::string text = "\xEF\xBB\xBF{\"a\": 1}";
    const JsonSourceMap map = JsonSourceMap::build(text);
    const SourceRange a = at(map, "/a");
    CHECK(a.column == 7);
    CHECK(text.substr(a.offset, 1) == "1");
}

TEST_CASE("JsonSourceMap finds the nearest existing ancestor of an absent member",
          "[json][positions]") {
    const JsonSourceMap map = JsonSourceMap::build("[{\"a\": {\"b\": 1}}]");
    CHECK(map.find_nearest("/0/a/missing")->column == 8);
    CHECK(map.find_nearest("/0/a/b")->column == 14);
    CHECK(map.find_nearest("/9/x")->column == 1);
}

TEST_CASE("JsonSourceMap never throws on text that is not JSON and stays shallow",
          "[json][positions][hostile]") {
    for (const std::string& text :
         {std::string(""), std::string("{"), std::string("{\"a\""), std::string("[1,"),
          std::string("\"unterminated"), std::string("{\"a\": \"\\u12\"}"), std::string("}}}"),
          std::string(100000, '['), std::string("[\"\\")}) {
        CHECK_NOTHROW(JsonSourceMap::build(text));
    }
    // Deeper than the reader accepts: nothing below the limit is recorded.
    std::string deep(dpslint::max_json_depth + 1, '[');
    deep += std::string(dpslint::max_json_depth + 1, ']');
    CHECK(JsonSourceMap::build(deep).size() == 0);
    std::string limit(dpslint::max_json_depth, '[');
    limit += std::string(dpslint::max_json_depth, ']');
    CHECK(JsonSourceMap::build(limit).size() == dpslint::max_json_depth);
}
