#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace dpslint {

// Deepest nesting of objects and arrays accepted in any JSON input (snapshot parts, config,
// report lines), checked while reading. A DPS initial twin may nest 10 levels inside an export
// that adds about 5; the limit is far above that and keeps every later walk, copy and indented
// dump of a document shallow.
inline constexpr std::size_t max_json_depth = 64;

// Parses JSON text strictly. Throws InputError:
//   (file, "line L column C", "malformed JSON: <reason>") for syntax errors, L and C 1-based
//     and counted in bytes from the offset of the offending character;
//   (file, "<pointer of the object>/<key>", "duplicate key 'k' (the later value would silently
//     override the earlier)") for an object that repeats a key, which nlohmann::json::parse
//     would accept, keeping only the last value;
//   (file, "<pointer of the container>", "JSON nested deeper than 64 levels ...") as soon as the
//     reader opens a container beyond max_json_depth.
// Memory is linear in the input; JSON pointers are built only for an error.
nlohmann::json parse_json_strict(std::string_view text, const std::string& file);

// RFC 6901 reference token: '~' -> "~0", '/' -> "~1".
std::string json_pointer_escape(std::string_view token);

// "null", "boolean", "number", "string", "array", "object" (what error messages call a value).
std::string_view json_type_name(const nlohmann::json& value) noexcept;

// A value inside a parsed document plus where it is, so every read that fails throws the same
// kind of message: "file:/3/attestation/x509/caReferences/primary: expected string, got number"
// or "file:/3: missing required key 'enrollmentGroupId'". `null` counts as absent for every
// optional_* read; unknown keys are never an error. The referenced json must outlive the cursor.
class JsonCursor {
public:
    JsonCursor(const nlohmann::json& value, std::string file, std::string pointer = {});

    const nlohmann::json& value() const noexcept { return *value_; }
    const std::string& file() const noexcept { return file_; }
    const std::string& pointer() const noexcept { return pointer_; }
    bool is_null() const noexcept { return value_->is_null(); }
    bool is_object() const noexcept { return value_->is_object(); }
    bool is_array() const noexcept { return value_->is_array(); }

    // The pointer of member `key` / element `i` of this value.
    std::string pointer_to(std::string_view key) const;
    std::string pointer_to(std::size_t i) const;

    // Throws InputError(file, pointer, detail).
    [[noreturn]] void fail(const std::string& detail) const;
    // Throws InputError(file, pointer_to(key), detail).
    [[noreturn]] void fail_at(std::string_view key, const std::string& detail) const;

    // Throws "expected <what>, got <type>" unless this value has that type.
    void expect_object() const;
    void expect_array() const;

    // Present with a non-null value (this value must be an object).
    bool has(std::string_view key) const;

    // Member `key`, which must be present (null allowed: the caller checks its type).
    JsonCursor child(std::string_view key) const;
    // Member `key` unless it is absent or null.
    std::optional<JsonCursor> optional_child(std::string_view key) const;
    // Element `i` of this array.
    JsonCursor index(std::size_t i) const;
    // The elements of this value, which must be an array.
    std::vector<JsonCursor> array() const;

    // This value itself, typed.
    std::string as_string() const;
    bool as_bool() const;
    long long as_int() const;

    std::string required_string(std::string_view key) const;
    JsonCursor required_object(std::string_view key) const;
    std::optional<std::string> optional_string(std::string_view key) const;
    std::optional<bool> optional_bool(std::string_view key) const;
    std::optional<long long> optional_int(std::string_view key) const;
    std::optional<JsonCursor> optional_object(std::string_view key) const;
    std::optional<JsonCursor> optional_array(std::string_view key) const;

private:
    const nlohmann::json* value_;
    std::string file_;
    std::string pointer_;
};

}  // namespace dpslint
