#include "json_output.hpp"

#include <ostream>

#include "dpslint/output_text.hpp"

namespace dpslint::cli {

namespace {

using nlohmann::json;

// Written as it is: valid UTF-8 and not over the length limit.
bool written_as_is(const std::string& text) {
    if (text.size() > max_json_string_bytes)
        return false;
    for (std::size_t pos = 0; pos < text.size();) {
        const Utf8Char c = next_utf8(text, pos);
        if (!c.valid)
            return false;
        pos += c.length;
    }
    return true;
}

// True when some string or key below `value` is not valid UTF-8 or too long. Documents are shallow
// (input JSON is at most max_json_depth deep), so recursion is bounded.
bool needs_repair(const json& value) {
    if (value.is_string())
        return !written_as_is(value.get_ref<const std::string&>());
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!written_as_is(it.key()) || needs_repair(it.value()))
                return true;
        }
    } else if (value.is_array()) {
        for (const auto& element : value) {
            if (needs_repair(element))
                return true;
        }
    }
    return false;
}

json repaired(const json& value) {
    if (value.is_string())
        return valid_utf8(value.get_ref<const std::string&>(), max_json_string_bytes);
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it)
            out[valid_utf8(it.key(), max_json_string_bytes)] = repaired(it.value());
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const auto& element : value)
            out.push_back(repaired(element));
        return out;
    }
    return value;
}

std::string dump(const json& document, int indent) {
    // `replace` only as a last resort: after the repair every string is valid UTF-8.
    return document.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string json_text(const nlohmann::json& document, int indent) {
    if (needs_repair(document))
        return dump(repaired(document), indent);
    return dump(document, indent);
}

void write_json(std::ostream& out, const nlohmann::json& document, int indent) {
    out << json_text(document, indent) << '\n';
}

}  // namespace dpslint::cli
