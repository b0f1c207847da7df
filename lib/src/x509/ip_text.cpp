#include "x509/ip_text.hpp"

#include <array>
#include <cstdio>

namespace dpslint::detail {

namespace {

std::string format_ipv4(ByteView o) {
    return std::to_string(o[0]) + '.' + std::to_string(o[1]) + '.' + std::to_string(o[2]) + '.'
           + std::to_string(o[3]);
}

std::string format_ipv6(ByteView o) {
    std::array<unsigned, 8> groups{};
    for (std::size_t i = 0; i < groups.size(); ++i) {
        groups[i] = (static_cast<unsigned>(o[2 * i]) << 8) | o[2 * i + 1];
    }
    // Longest run of zero groups; only runs of two or more are shortened (RFC 5952 §4.2.2).
    std::size_t best_start = groups.size();
    std::size_t best_length = 0;
    for (std::size_t i = 0; i < groups.size();) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < groups.size() && groups[j] == 0)
            ++j;
        if (j - i > best_length) {
            best_start = i;
            best_length = j - i;
        }
        i = j;
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
        std::array<char, 8> buffer{};
        std::snprintf(buffer.data(), buffer.size(), "%x", groups[i]);
        out += buffer.data();
    }
    return out;
}

// Prefix length of a mask with contiguous leading one-bits; nullopt otherwise.
std::optional<int> prefix_length(ByteView mask) {
    int length = 0;
    bool seen_zero = false;
    for (const std::uint8_t byte : mask) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool one = ((byte >> bit) & 1) != 0;
            if (one && seen_zero)
                return std::nullopt;
            if (one) {
                ++length;
            } else {
                seen_zero = true;
            }
        }
    }
    return length;
}

}  // namespace

std::optional<std::string> format_ip_address(ByteView octets) {
    if (octets.size() == 4)
        return format_ipv4(octets);
    if (octets.size() == 16)
        return format_ipv6(octets);
    return std::nullopt;
}

std::optional<std::string> format_ip_subnet(ByteView octets) {
    if (octets.size() != 8 && octets.size() != 32)
        return std::nullopt;
    const std::size_t half = octets.size() / 2;
    const auto prefix = prefix_length(octets.subspan(half));
    if (!prefix)
        return std::nullopt;
    return *format_ip_address(octets.first(half)) + '/' + std::to_string(*prefix);
}

}  // namespace dpslint::detail
