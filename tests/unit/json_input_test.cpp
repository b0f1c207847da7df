#include "dpslint/json_input.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "dpslint/error.hpp"

using namespace dpslint;
using nlohmann::json;

namespace json_input_test {

namespace {

std::string parse_error(std::string_view text) {
    try {
        parse_json_strict(text, "f.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

template <typename F>
std::string read_error(F&& read) {
    try {
        read();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("strict JSON parsing builds the same value nlohmann::json::parse does",
          "[snapshot][json]") {
    const std::string text =
        R"({"a": [1, -2, 3.5, true, null, "x\u00e9"], "b": {"c": {}}, "d": [], "e": 18446744073709551615})";
    CHECK(parse_json_strict(text, "f.json") == json::parse(text));
    CHECK(parse_json_strict("\xEF\xBB\xBF{\"a\":1}", "f.json") == json{{"a", 1}});
    CHECK(parse_json_strict("  7 ", "f.json") == json(7));
    // The same key in different objects is fine.
    CHECK(parse_json_strict(R"([{"a":1},{"a":2,"b":{"a":3}}])", "f.json").size() == 2);
}

TEST_CASE("duplicate keys are errors at the pointer of the repeated member", "[snapshot][json]") {
    CHECK(parse_error(R"({"a":1,"a":2})")
          == "f.json:/a: duplicate key 'a' (the later value would silently override the earlier)");
    CHECK(parse_error(R"([{"x":{"k~/":1,"k~/":{"y":2}}}])")
          == "f.json:/0/x/k~0~1: duplicate key 'k~/' (the later value would silently override the "
             "earlier)");
    CHECK(parse_error(R"([0, 1, {"deep": [[{"id": "a", "id": "a"}]]}])")
          == "f.json:/2/deep/0/0/id: duplicate key 'id' (the later value would silently override "
             "the earlier)");
    CHECK(parse_error(R"({"": 1, "": 2})")
          == "f.json:/: duplicate key '' (the later value would silently override the earlier)");
}

TEST_CASE("malformed JSON is reported by line and column of the offending byte",
          "[snapshot][json]") {
    CHECK(parse_error("") ==
          "f.json:line 1 column 1: malformed JSON: syntax error while parsing value - unexpected "
          "end of input; expected '[', '{', or a literal");
    CHECK(parse_error("[1,") ==
          "f.json:line 1 column 4: malformed JSON: syntax error while parsing value - unexpected "
          "end of input; expected '[', '{', or a literal");
    CHECK(parse_error("[1,\n") ==
          "f.json:line 2 column 1: malformed JSON: syntax error while parsing value - unexpected "
          "end of input; expected '[', '{', or a literal");
    CHECK(parse_error("[1]\n\n  ]") ==
          "f.json:line 3 column 3: malformed JSON: syntax error while parsing value - unexpected "
          "']'; expected end of input");
    CHECK(parse_error("{\n  \"a\": 1,\n}") ==
          "f.json:line 3 column 1: malformed JSON: syntax error while parsing object key - "
          "unexpected '}'; expected string literal");
    CHECK(parse_error("{} x") ==
          "f.json:line 1 column 4: malformed JSON: syntax error while parsing value - invalid "
          "literal; last read: '{} x'; expected end of input");
}

TEST_CASE("RFC 6901 escaping and type names", "[snapshot][json]") {
    CHECK(json_pointer_escape("a/b~c") == "a~1b~0c");
    CHECK(json_pointer_escape("~1") == "~01");
    CHECK(json_pointer_escape("") == "");
    CHECK(json_type_name(json(nullptr)) == "null");
    CHECK(json_type_name(json(true)) == "boolean");
    CHECK(json_type_name(json(1)) == "number");
    CHECK(json_type_name(json(1u)) == "number");
    CHECK(json_type_name(json(1.5)) == "number");
    CHECK(json_type_name(json("s")) == "string");
    CHECK(json_type_name(json::array()) == "array");
    CHECK(json_type_name(json::object()) == "object");
}

TEST_CASE("JsonCursor reads typed values and names the pointer when it cannot",
          "[snapshot][json]") {
    const json doc = parse_json_strict(R"([
        {"id": "g", "n": null, "flag": true, "count": 7, "big": 1e3, "list": ["a", 2],
         "obj": {"a/b": 1}, "neg": -4}
    ])",
                                       "groups.json");
    const JsonCursor root(doc, "groups.json");
    CHECK(root.pointer().empty());
    const JsonCursor entry = root.index(0);
    CHECK(entry.pointer() == "/0");
    CHECK(entry.required_string("id") == "g");
    CHECK(entry.optional_string("id") == "g");
    CHECK_FALSE(entry.optional_string("n").has_value());
    CHECK_FALSE(entry.optional_string("absent").has_value());
    CHECK(entry.optional_bool("flag") == true);
    CHECK_FALSE(entry.optional_bool("n").has_value());
    CHECK(entry.optional_int("count") == 7);
    CHECK(entry.optional_int("neg") == -4);
    CHECK_FALSE(entry.optional_object("n").has_value());
    CHECK(entry.has("id"));
    CHECK_FALSE(entry.has("n"));
    CHECK_FALSE(entry.has("absent"));
    CHECK(entry.optional_object("obj")->pointer_to("a/b") == "/0/obj/a~1b");
    const auto list = entry.optional_array("list")->array();
    REQUIRE(list.size() == 2);
    CHECK(list[1].pointer() == "/0/list/1");

    CHECK(read_error([&] { entry.required_string("missing"); })
          == "groups.json:/0: missing required key 'missing'");
    CHECK(read_error([&] { entry.required_string("n"); })
          == "groups.json:/0/n: expected string, got null");
    CHECK(read_error([&] { entry.required_string("count"); })
          == "groups.json:/0/count: expected string, got number");
    CHECK(read_error([&] { entry.optional_bool("id"); })
          == "groups.json:/0/id: expected boolean, got string");
    CHECK(read_error([&] { entry.optional_int("big"); })
          == "groups.json:/0/big: expected integer, got non-integer number");
    CHECK(read_error([&] { entry.optional_int("list"); })
          == "groups.json:/0/list: expected integer, got array");
    CHECK(read_error([&] { entry.optional_object("list"); })
          == "groups.json:/0/list: expected object, got array");
    CHECK(read_error([&] { entry.optional_array("obj"); })
          == "groups.json:/0/obj: expected array, got object");
    CHECK(read_error([&] { list[1].as_string(); })
          == "groups.json:/0/list/1: expected string, got number");
    CHECK(read_error([&] { root.child("id"); }) == "groups.json: expected object, got array");
    CHECK(read_error([&] { entry.array(); }) == "groups.json:/0: expected array, got object");
    CHECK(read_error([&] { root.index(1); }) == "groups.json: index 1 out of range (array of 1)");
}

TEST_CASE("nesting beyond max_json_depth is refused while reading, naming the place",
          "[snapshot][json][hostile]") {
    const auto nested = [](std::size_t depth) {
        return std::string(depth, '[') + std::string(depth, ']');
    };
    CHECK_NOTHROW(parse_json_strict(nested(max_json_depth), "f.json"));
    const std::string error = parse_error(nested(max_json_depth + 1));
    CHECK(error.starts_with("f.json:/0/0/"));
    CHECK_THAT(error, Catch::Contains("JSON nested deeper than 64 levels"));
    CHECK(
        parse_error(R"({"a": [1, {"b": )" + nested(70) + "}]}").starts_with("f.json:/a/1/b/0/0/"));

    // 100,000 levels in 200 KB: refused at level 65, without the memory a pointer per level
    // would take.
    CHECK_THAT(parse_error(nested(100'000)), Catch::Contains("nested deeper than"));
    std::string objects;
    for (int i = 0; i < 100'000; ++i)
        objects += "{\"k\":";
    CHECK_THAT(parse_error(objects), Catch::Contains("nested deeper than"));
}

TEST_CASE("error messages quote input values on one line", "[snapshot][json][hostile]") {
    const std::string error = parse_error("{\"a\\nb\": 1, \"a\\nb\": 2}");
    CHECK(error.find('\n') == std::string::npos);
    CHECK_THAT(error, Catch::Contains("duplicate key 'a\\nb'"));
    const std::string long_key(5'000'000, 'k');
    const std::string long_error =
        parse_error("{\"" + long_key + "\": 1, \"" + long_key + "\": 2}");
    CHECK(long_error.size() < 4096);
    CHECK_THAT(long_error, Catch::Contains("duplicate key"));
}

}  // namespace json_input_test
