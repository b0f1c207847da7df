#include "formats/escape.hpp"

#include <cstdio>

#include "dpslint/output_text.hpp"

namespace dpslint::cli::formats {

namespace {

std::string hex_escape(char32_t code_point) {
    char buffer[16];
    if (code_point < 0x100)
        std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(code_point));
    else
        std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(code_point));
    return buffer;
}

bool xml_allowed(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
           || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The characters HTML and XML both spell as entities; false for any other.
bool append_markup_entity(char c, std::string& out) {
    switch (c) {
        case '&':
            out += "&amp;";
            return true;
        case '<':
            out += "&lt;";
            return true;
        case '>':
            out += "&gt;";
            return true;
        default:
            return false;
    }
}

std::string replace_all(std::string_view text,
                        std::initializer_list<std::pair<char, const char*>> table) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const char* replacement = nullptr;
        for (const auto& [from, to] : table) {
            if (c == from) {
                replacement = to;
                break;
            }
        }
        if (replacement)
            out += replacement;
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string xml_escape(std::string_view text, bool attribute) {
    const std::string valid = valid_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t pos = 0; pos < valid.size();) {
        const Utf8Char ch = next_utf8(valid, pos);
        const std::string_view bytes(valid.data() + pos, ch.length);
        pos += ch.length;
        const char32_t c = ch.code_point;
        if (!ch.valid || !xml_allowed(c)) {
            out += hex_escape(ch.valid ? c : static_cast<unsigned char>(bytes[0]));
            continue;
        }
        if (c < 0x80 && append_markup_entity(static_cast<char>(c), out))
            continue;
        switch (c) {
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += attribute ? "&#9;" : "\t";
                break;
            case '\n':
                out += attribute ? "&#10;" : "\n";
                break;
            case '\r':
                out += "&#13;";  // a raw CR would be normalised away in element text too
                break;
            default:
                out += bytes;
        }
    }
    return out;
}

std::string github_data(std::string_view text) {
    return replace_all(valid_utf8(text), {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

std::string github_property(std::string_view text) {
    return replace_all(valid_utf8(text),
                       {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}, {':', "%3A"}, {',', "%2C"}});
}

std::string azure_data(std::string_view text) {
    return replace_all(valid_utf8(text), {{'%', "%AZP25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

std::string azure_property(std::string_view text) {
    return replace_all(valid_utf8(text),
                       {{'%', "%AZP25"}, {';', "%3B"}, {'\r', "%0D"}, {'\n', "%0A"}, {']', "%5D"}});
}

std::string markdown_text(std::string_view text) {
    std::string out;
    for (const char c : one_line(text)) {
        if (append_markup_entity(c, out))
            continue;
        switch (c) {
            case '@':
                out += "&#64;";
                break;
            case '\\':
            case '`':
            case '*':
            case '_':
            case '{':
            case '}':
            case '[':
            case ']':
            case '(':
            case ')':
            case '#':
            case '+':
            case '-':
            case '.':
            case '!':
            case '|':
            case '~':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string mermaid_label(std::string_view text) {
    std::string out;
    for (const char c : one_line(text)) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                           || (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '_' || c == '.'
                           || c == '/' || c == ',' || c == '(' || c == ')';
        if (plain)
            out += c;
        else
            out += "#" + std::to_string(u) + ";";
    }
    return out;
}

}  // namespace dpslint::cli::formats
