// Strict JSON reading for snapshot exports: a SAX handler that builds the value itself so it can
// reject duplicate keys (nlohmann::json::parse keeps the last one silently) and report syntax
// errors by line and column, plus JsonCursor, the typed reader the loaders use.

#include "dpslint/json_input.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint {

namespace {

using nlohmann::json;

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while ..."
// -> "syntax error while ...". nlohmann's own line/column are replaced by ours.
std::string parse_error_reason(const std::string& what) {
    std::string_view text(what);
    if (const auto prefix = text.find("parse error"); prefix != std::string_view::npos) {
        text.remove_prefix(prefix);
        if (const auto colon = text.find(": "); colon != std::string_view::npos) {
            return std::string(text.substr(colon + 2));
        }
    }
    if (text.starts_with('[')) {
        if (const auto close = text.find("] "); close != std::string_view::npos)
            text.remove_prefix(close + 2);
    }
    return std::string(text);
}

// 1-based line and column of byte `offset` (clamped to the end of the text).
std::string line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const auto last_newline = before.rfind('\n');
    const std::size_t column =
        last_newline == std::string_view::npos ? offset + 1 : offset - last_newline;
    return "line " + std::to_string(line) + " column " + std::to_string(column);
}

class StrictDomBuilder final : public nlohmann::json_sax<json> {
public:
    StrictDomBuilder(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    json take() { return std::move(root_); }

    bool null() override { return put(json(nullptr)); }
    bool boolean(bool value) override { return put(json(value)); }
    bool number_integer(number_integer_t value) override { return put(json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return put(json(value)); }
    bool number_float(number_float_t value, const string_t&) override { return put(json(value)); }
    bool string(string_t& value) override { return put(json(std::move(value))); }
    bool binary(binary_t& value) override { return put(json::binary(std::move(value))); }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        Frame& frame = stack_.back();
        if (frame.value->contains(name)) {
            throw InputError(file_, pointer_to_open() + "/" + json_pointer_escape(name),
                             "duplicate key " + quote_input(name)
                                 + " (the later value would silently override the earlier)");
        }
        frame.key = name;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) override {
        // `position` counts the characters read, the offending one included.
        const std::size_t offset = position == 0 ? 0 : position - 1;
        throw InputError(file_, line_column(text_, offset),
                         "malformed JSON: " + parse_error_reason(error.what()));
    }

private:
    // One open object or array. Only the member being read is kept, not the pointer: a pointer
    // per level would cost memory quadratic in the depth; it is built when an error needs it.
    struct Frame {
        json* value;
        std::string key;  // the member being read, for objects
    };

    // Stores `value` where the parser is: the root, the current object member or the next
    // array element. Returns where it went.
    json* place(json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& frame = stack_.back();
        if (frame.value->is_object()) {
            json& slot = (*frame.value)[frame.key];
            slot = std::move(value);
            return &slot;
        }
        frame.value->push_back(std::move(value));
        return &frame.value->back();
    }

    bool put(json value) {
        place(std::move(value));
        return true;
    }

    bool open(json container) {
        if (stack_.size() >= max_json_depth) {
            throw InputError(file_, pointer_to_open() + "/" + next_token(stack_.back()),
                             "JSON nested deeper than " + std::to_string(max_json_depth)
                                 + " levels, the limit for every JSON input");
        }
        json* where = place(std::move(container));
        stack_.push_back(Frame{where, {}});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    // The reference token under which `frame`'s next value goes (or went, for an open child).
    static std::string next_token(const Frame& frame) {
        if (frame.value->is_object())
            return json_pointer_escape(frame.key);
        return std::to_string(frame.value->size());
    }

    // The pointer of the innermost open container.
    std::string pointer_to_open() const {
        std::string out;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const Frame& frame = stack_[i];
            out += '/';
            out += frame.value->is_object() ? json_pointer_escape(frame.key)
                                            : std::to_string(frame.value->size() - 1);
        }
        return out;
    }

    std::string_view text_;
    const std::string& file_;
    json root_;
    std::vector<Frame> stack_;
};

std::string expected_got(std::string_view expected, const json& value) {
    return "expected " + std::string(expected) + ", got " + std::string(json_type_name(value));
}

}  // namespace

json parse_json_strict(std::string_view text, const std::string& file) {
    StrictDomBuilder builder(text, file);
    json::sax_parse(text, &builder, json::input_format_t::json, true, false);
    return builder.take();
}

std::string json_pointer_escape(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string_view json_type_name(const json& value) noexcept {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return "boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "number";
        case json::value_t::string:
            return "string";
        case json::value_t::array:
            return "array";
        case json::value_t::object:
            return "object";
        case json::value_t::binary:
            return "binary";
        case json::value_t::discarded:
            break;
    }
    return "discarded";
}

JsonCursor::JsonCursor(const json& value, std::string file, std::string pointer)
    : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)) {}

std::string JsonCursor::pointer_to(std::string_view key) const {
    return pointer_ + "/" + json_pointer_escape(key);
}

std::string JsonCursor::pointer_to(std::size_t i) const {
    return pointer_ + "/" + std::to_string(i);
}

void JsonCursor::fail(const std::string& detail) const {
    throw InputError(file_, pointer_, detail);
}

void JsonCursor::fail_at(std::string_view key, const std::string& detail) const {
    throw InputError(file_, pointer_to(key), detail);
}

void JsonCursor::expect_object() const {
    if (!value_->is_object())
        fail(expected_got("object", *value_));
}

void JsonCursor::expect_array() const {
    if (!value_->is_array())
        fail(expected_got("array", *value_));
}

bool JsonCursor::has(std::string_view key) const {
    expect_object();
    const auto it = value_->find(key);
    return it != value_->end() && !it->is_null();
}

JsonCursor JsonCursor::child(std::string_view key) const {
    expect_object();
    const auto it = value_->find(key);
    if (it == value_->end())
        fail("missing required key '" + std::string(key) + "'");
    return JsonCursor(*it, file_, pointer_to(key));
}

std::optional<JsonCursor> JsonCursor::optional_child(std::string_view key) const {
    expect_object();
    const auto it = value_->find(key);
    if (it == value_->end() || it->is_null())
        return std::nullopt;
    return JsonCursor(*it, file_, pointer_to(key));
}

JsonCursor JsonCursor::index(std::size_t i) const {
    expect_array();
    if (i >= value_->size()) {
        fail("index " + std::to_string(i) + " out of range (array of "
             + std::to_string(value_->size()) + ")");
    }
    return JsonCursor((*value_)[i], file_, pointer_to(i));
}

std::vector<JsonCursor> JsonCursor::array() const {
    expect_array();
    std::vector<JsonCursor> out;
    out.reserve(value_->size());
    for (std::size_t i = 0; i < value_->size(); ++i)
        out.emplace_back((*value_)[i], file_, pointer_to(i));
    return out;
}

std::string JsonCursor::as_string() const {
    if (!value_->is_string())
        fail(expected_got("string", *value_));
    return value_->get<std::string>();
}

bool JsonCursor::as_bool() const {
    if (!value_->is_boolean())
        fail(expected_got("boolean", *value_));
    return value_->get<bool>();
}

long long JsonCursor::as_int() const {
    if (value_->is_number_integer() && !value_->is_number_unsigned())
        return value_->get<long long>();
    if (value_->is_number_unsigned()) {
        const auto v = value_->get<unsigned long long>();
        if (v <= static_cast<unsigned long long>(std::numeric_limits<long long>::max()))
            return static_cast<long long>(v);
        fail("integer out of range");
    }
    if (value_->is_number_float())
        fail("expected integer, got non-integer number");
    fail(expected_got("integer", *value_));
}

std::string JsonCursor::required_string(std::string_view key) const {
    return child(key).as_string();
}

JsonCursor JsonCursor::required_object(std::string_view key) const {
    JsonCursor c = child(key);
    c.expect_object();
    return c;
}

std::optional<std::string> JsonCursor::optional_string(std::string_view key) const {
    if (auto c = optional_child(key))
        return c->as_string();
    return std::nullopt;
}

std::optional<bool> JsonCursor::optional_bool(std::string_view key) const {
    if (auto c = optional_child(key))
        return c->as_bool();
    return std::nullopt;
}

std::optional<long long> JsonCursor::optional_int(std::string_view key) const {
    if (auto c = optional_child(key))
        return c->as_int();
    return std::nullopt;
}

std::optional<JsonCursor> JsonCursor::optional_object(std::string_view key) const {
    auto c = optional_child(key);
    if (c)
        c->expect_object();
    return c;
}

std::optional<JsonCursor> JsonCursor::optional_array(std::string_view key) const {
    auto c = optional_child(key);
    if (c)
        c->expect_array();
    return c;
}

}  // namespace dpslint
