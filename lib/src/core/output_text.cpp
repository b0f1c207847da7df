#include "dpslint/output_text.hpp"

namespace dpslint {

namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

void append_byte_escape(std::string& out, unsigned char byte) {
    out += "\\x";
    out += hex_digits[byte >> 4];
    out += hex_digits[byte & 0x0F];
}

void append_code_point_escape(std::string& out, char32_t c) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hex_digits[(c >> shift) & 0x0F];
}

bool continuation(std::string_view text, std::size_t pos) {
    return pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80;
}

// Appends the shown form of the character at `pos` and returns its length in the input.
std::size_t append_shown(std::string& out, std::string_view text, std::size_t pos,
                         bool escape_unsafe) {
    const Utf8Char c = next_utf8(text, pos);
    if (!c.valid) {
        append_byte_escape(out, static_cast<unsigned char>(text[pos]));
    } else if (escape_unsafe && is_unsafe_in_line(c.code_point)) {
        if (c.code_point == '\n')
            out += "\\n";
        else if (c.code_point == '\r')
            out += "\\r";
        else if (c.code_point == '\t')
            out += "\\t";
        else if (c.code_point < 0x80)
            append_byte_escape(out, static_cast<unsigned char>(c.code_point));
        else
            append_code_point_escape(out, c.code_point);
    } else {
        out.append(text.substr(pos, c.length));
    }
    return c.length;
}

}  // namespace

Utf8Char next_utf8(std::string_view text, std::size_t pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80)
        return {lead, 1, true};
    std::size_t length = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1Fu;
        min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0Fu;
        min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07u;
        min = 0x10000;
    } else {
        return {};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (!continuation(text, pos + k))
            return {};
        c = (c << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return {};
    return {c, length, true};
}

bool is_unsafe_in_line(char32_t c) noexcept {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E
           || c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

namespace {

// valid_utf8 and one_line: each character shown, cut to `max_bytes`.
std::string show(std::string_view bytes, std::size_t max_bytes, bool escape_unsafe) {
    // Room kept for the marker when the text has to be cut: "...[+N bytes]", N up to 20 digits.
    constexpr std::size_t marker_room = 32;
    const std::size_t keep = max_bytes > marker_room ? max_bytes - marker_room : 0;
    std::string out;
    std::size_t cut_out = 0;  // shown bytes and input bytes up to the last piece within `keep`
    std::size_t cut_in = 0;
    std::size_t pos = 0;
    while (pos < bytes.size() && out.size() <= max_bytes) {
        pos += append_shown(out, bytes, pos, escape_unsafe);
        if (out.size() <= keep) {
            cut_out = out.size();
            cut_in = pos;
        }
    }
    if (pos == bytes.size() && out.size() <= max_bytes)
        return out;
    out.resize(cut_out);
    if (max_bytes > marker_room)
        out += "...[+" + std::to_string(bytes.size() - cut_in) + " bytes]";
    return out;
}

}  // namespace

std::string valid_utf8(std::string_view bytes, std::size_t max_bytes) {
    return show(bytes, max_bytes, false);
}

std::string one_line(std::string_view bytes, std::size_t max_bytes) {
    return show(bytes, max_bytes, true);
}

std::string quote_input(std::string_view value, std::size_t max_bytes) {
    return "'" + one_line(value, max_bytes) + "'";
}

}  // namespace dpslint
