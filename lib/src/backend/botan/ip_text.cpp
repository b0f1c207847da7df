#include "backend/botan/ip_text.hpp"

#include <array>
#include <cstdint>

namespace dpslint::botan {

namespace {

std::string ipv4_text(ByteView o) {
    return std::to_string(o[0]) + '.' + std::to_string(o[1]) + '.' + std::to_string(o[2]) + '.'
           + std::to_string(o[3]);
}

std::string ipv6_text(ByteView o) {
    static constexpr char digits[] = "0123456789abcdef";
    std::array<unsigned, 8> groups{};
    for (std::size_t i = 0; i < groups.size(); ++i)
        groups[i] = (unsigned{o[2 * i]} << 8) | o[2 * i + 1];

    std::size_t best_start = groups.size();
    std::size_t best_length = 0;
    for (std::size_t i = 0; i < groups.size();) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < groups.size() && groups[end] == 0)
            ++end;
        if (end - i > best_length) {
            best_start = i;
            best_length = end - i;
        }
        i = end;
    }
    if (best_length < 2)
        best_start = groups.size();

    std::string out;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (i == best_start) {
            out += "::";
            i += best_length - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':')
            out += ':';
        bool leading = true;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned nibble = (groups[i] >> shift) & 0xF;
            if (leading && nibble == 0 && shift != 0)
                continue;
            leading = false;
            out += digits[nibble];
        }
    }
    return out;
}

std::optional<int> prefix_length(ByteView mask) {
    int length = 0;
    bool zero_seen = false;
    for (const std::uint8_t byte : mask) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool one = ((byte >> bit) & 1) != 0;
            if (one && zero_seen)
                return std::nullopt;
            if (one)
                ++length;
            else
                zero_seen = true;
        }
    }
    return length;
}

}  // namespace

std::optional<std::string> ip_address_text(ByteView octets) {
    if (octets.size() == 4)
        return ipv4_text(octets);
    if (octets.size() == 16)
        return ipv6_text(octets);
    return std::nullopt;
}

std::optional<std::string> ip_subnet_text(ByteView octets) {
    if (octets.size() != 8 && octets.size() != 32)
        return std::nullopt;
    const std::size_t half = octets.size() / 2;
    const auto prefix = prefix_length(octets.subspan(half));
    if (!prefix)
        return std::nullopt;
    return *ip_address_text(octets.first(half)) + '/' + std::to_string(*prefix);
}

}  // namespace dpslint::botan
