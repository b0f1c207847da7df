#include "backend/botan/der_values.hpp"

#include <climits>

#include "backend/botan/botan_includes.hpp"

namespace dpslint::botan {

namespace {

void expect_universal(const Tlv& tlv, std::uint32_t number, const char* what) {
    if (!tlv.is_universal(number, false))
        throw DerError(std::string("expected ") + what);
}

// Decimal text of one base-128 arc; arcs wider than 63 bits go through Botan::BigInt.
std::string arc_text(ByteView arc, std::uint64_t subtract) {
    if (arc.size() <= 9) {
        std::uint64_t value = 0;
        for (const auto b : arc)
            value = (value << 7) | (b & 0x7Fu);
        return std::to_string(value - subtract);
    }
    Botan::BigInt value;
    for (const auto b : arc) {
        value <<= 7;
        value += static_cast<Botan::word>(b & 0x7Fu);
    }
    value -= static_cast<Botan::word>(subtract);
    return value.to_dec_string();
}

}  // namespace

std::string oid_text(ByteView content) {
    if (content.empty())
        throw DerError("empty OBJECT IDENTIFIER");
    std::string out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < content.size()) {
        if (content[pos] == 0x80)
            throw DerError("non-minimal OBJECT IDENTIFIER arc");
        const std::size_t start = pos;
        while (pos < content.size() && (content[pos] & 0x80) != 0)
            ++pos;
        if (pos == content.size())
            throw DerError("truncated OBJECT IDENTIFIER");
        ++pos;
        const ByteView arc = content.subspan(start, pos - start);
        if (first) {
            // The first subidentifier packs two arcs: 40 * X + Y, X in {0, 1, 2}.
            std::uint64_t small = 0;
            const bool fits = arc.size() <= 9;
            if (fits) {
                for (const auto b : arc)
                    small = (small << 7) | (b & 0x7Fu);
            }
            if (fits && small < 40) {
                out = "0." + std::to_string(small);
            } else if (fits && small < 80) {
                out = "1." + std::to_string(small - 40);
            } else {
                out = "2." + arc_text(arc, 80);
            }
            first = false;
        } else {
            out += '.';
            out += arc_text(arc, 0);
        }
    }
    return out;
}

std::string read_oid(const Tlv& tlv, const char* what) {
    expect_universal(tlv, tag::object_identifier, what);
    return oid_text(tlv.content);
}

bool read_boolean(const Tlv& tlv, const char* what) {
    expect_universal(tlv, tag::boolean, what);
    if (tlv.content.size() != 1)
        throw DerError(std::string("malformed BOOLEAN in ") + what);
    return tlv.content[0] != 0;
}

IntegerValue integer_value(const Tlv& tlv, const char* what) {
    const ByteView c = tlv.content;
    if (tlv.constructed || c.empty())
        throw DerError(std::string("malformed INTEGER in ") + what);
    if (c.size() > 1
        && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xFF && (c[1] & 0x80) != 0)))
        throw DerError(std::string("non-minimal INTEGER in ") + what);
    IntegerValue out;
    out.content_octets = c.size();
    out.negative = (c[0] & 0x80) != 0;
    Bytes magnitude(c.begin(), c.end());
    if (out.negative) {
        // Two's complement: |v| = ~(c) + 1.
        for (auto& b : magnitude)
            b = static_cast<std::uint8_t>(~b);
        for (auto it = magnitude.rbegin(); it != magnitude.rend(); ++it) {
            if (++*it != 0)
                break;
        }
    }
    std::size_t skip = 0;
    while (skip < magnitude.size() && magnitude[skip] == 0)
        ++skip;
    const ByteView significant = ByteView(magnitude).subspan(skip);
    out.magnitude_hex = significant.empty() ? std::string("00") : to_hex_upper(significant);
    return out;
}

std::optional<std::int64_t> read_small_integer(const Tlv& tlv, const char* what) {
    expect_universal(tlv, tag::integer, what);
    integer_value(tlv, what);  // validates the encoding
    if (tlv.content.size() > 8)
        return std::nullopt;
    std::uint64_t bits = (tlv.content[0] & 0x80) != 0 ? ~std::uint64_t{0} : 0;
    for (const auto b : tlv.content)
        bits = (bits << 8) | b;
    return static_cast<std::int64_t>(bits);
}

int skip_certs(const Tlv& tlv, const char* what) {
    const IntegerValue value = integer_value(tlv, what);
    if (value.negative)
        throw DerError(std::string("negative ") + what);
    if (value.magnitude_hex.size() > 8)
        return INT_MAX;
    const unsigned long n = std::stoul(value.magnitude_hex, nullptr, 16);
    return n > static_cast<unsigned long>(INT_MAX) ? INT_MAX : static_cast<int>(n);
}

BitString read_bit_string(const Tlv& tlv, const char* what) {
    expect_universal(tlv, tag::bit_string, what);
    return bit_string_content(tlv.content, what);
}

BitString bit_string_content(ByteView c, const char* what) {
    if (c.empty() || c[0] > 7)
        throw DerError(std::string("malformed BIT STRING in ") + what);
    BitString out;
    out.bytes.assign(c.begin() + 1, c.end());
    out.unused_bits = out.bytes.empty() ? 0 : c[0];  // as OpenSSL normalises an empty one
    if (!out.bytes.empty())
        out.bytes.back() = static_cast<std::uint8_t>(out.bytes.back() & (0xFFu << out.unused_bits));
    return out;
}

Bytes encode_bit_string(const BitString& bits) {
    const std::size_t length = bits.bytes.size() + 1;
    Bytes out{static_cast<std::uint8_t>(tag::bit_string)};
    if (length < 0x80) {
        out.push_back(static_cast<std::uint8_t>(length));
    } else {
        Bytes octets;
        for (std::size_t n = length; n != 0; n >>= 8)
            octets.insert(octets.begin(), static_cast<std::uint8_t>(n & 0xFF));
        out.push_back(static_cast<std::uint8_t>(0x80 | octets.size()));
        out.insert(out.end(), octets.begin(), octets.end());
    }
    out.push_back(static_cast<std::uint8_t>(bits.unused_bits));
    out.insert(out.end(), bits.bytes.begin(), bits.bytes.end());
    return out;
}

ByteView read_octet_string(const Tlv& tlv, const char* what) {
    expect_universal(tlv, tag::octet_string, what);
    return tlv.content;
}

}  // namespace dpslint::botan
