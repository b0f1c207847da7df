#include "dpslint/base64.hpp"

#include <array>

namespace dpslint {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int, 256> make_table() {
    std::array<int, 256> t{};
    for (auto& v : t)
        v = -1;
    for (int i = 0; i < 64; ++i)
        t[static_cast<unsigned char>(alphabet[i])] = i;
    return t;
}

constexpr auto decode_table = make_table();

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

bool base64_decode(std::string_view text, Bytes& out) {
    out.clear();
    out.reserve(text.size() * 3 / 4);
    std::uint32_t accumulator = 0;
    int quantum = 0;  // sextets in the current group
    int padding = 0;
    for (const char c : text) {
        if (is_space(c))
            continue;
        if (c == '=') {
            ++padding;
            if (padding > 2)
                return false;
            accumulator <<= 6;
            ++quantum;
        } else {
            const int v = decode_table[static_cast<unsigned char>(c)];
            if (v < 0 || padding > 0)
                return false;  // data after padding is malformed
            accumulator = (accumulator << 6) | static_cast<std::uint32_t>(v);
            ++quantum;
        }
        if (quantum == 4) {
            out.push_back(static_cast<std::uint8_t>(accumulator >> 16));
            if (padding < 2)
                out.push_back(static_cast<std::uint8_t>(accumulator >> 8));
            if (padding < 1)
                out.push_back(static_cast<std::uint8_t>(accumulator));
            accumulator = 0;
            quantum = 0;
        }
    }
    return quantum == 0;
}

std::string base64_encode(ByteView bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t v = bytes[i] << 16;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

}  // namespace dpslint
