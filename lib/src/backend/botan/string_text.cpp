#include "backend/botan/string_text.hpp"

#include <cstdint>

namespace dpslint::botan {

namespace {

bool is_scalar_value(std::uint32_t cp) {
    return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool valid_utf8(ByteView s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::uint8_t lead = s[i];
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        std::uint32_t min = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            cp = lead & 0x1Fu;
            min = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            cp = lead & 0x0Fu;
            min = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            cp = lead & 0x07u;
            min = 0x10000;
        } else {
            return false;
        }
        if (i + extra >= s.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || !is_scalar_value(cp))
            return false;
        i += extra + 1;
    }
    return true;
}

}  // namespace

std::optional<std::string> string_text(const Tlv& tlv) {
    // Constructed (BER) strings never get here: check_der_tree refuses them.
    if (tlv.tag_class != TagClass::universal || tlv.constructed)
        return std::nullopt;
    const ByteView c = tlv.content;
    std::string out;
    switch (tlv.number) {
        case tag::utf8_string:
            if (!valid_utf8(c))
                throw DerError("invalid UTF8String");
            return std::string(c.begin(), c.end());
        case tag::printable_string:
        case tag::ia5_string:
        case tag::visible_string:
        case tag::numeric_string:
        case tag::teletex_string:
            for (const auto b : c)
                append_utf8(out, b);
            return out;
        case tag::bmp_string:
            if (c.size() % 2 != 0)
                throw DerError("BMPString of odd length");
            for (std::size_t i = 0; i < c.size(); i += 2) {
                const std::uint32_t cp = (std::uint32_t{c[i]} << 8) | c[i + 1];
                if (!is_scalar_value(cp))
                    throw DerError("invalid character in BMPString");
                append_utf8(out, cp);
            }
            return out;
        case tag::universal_string:
            if (c.size() % 4 != 0)
                throw DerError("UniversalString length not a multiple of 4");
            for (std::size_t i = 0; i < c.size(); i += 4) {
                const std::uint32_t cp = (std::uint32_t{c[i]} << 24)
                                         | (std::uint32_t{c[i + 1]} << 16)
                                         | (std::uint32_t{c[i + 2]} << 8) | c[i + 3];
                if (!is_scalar_value(cp))
                    throw DerError("invalid character in UniversalString");
                append_utf8(out, cp);
            }
            return out;
        default:
            return std::nullopt;
    }
}

}  // namespace dpslint::botan
