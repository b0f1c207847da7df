#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Upper-case hex without separators: the form DPS shows thumbprints in.
std::string to_hex_upper(ByteView bytes);

// Accepts upper or lower case, ignores ':' separators; nullopt-like empty result on bad input is
// ambiguous, so this returns false on malformed hex.
bool from_hex(std::string_view hex, Bytes& out);

inline ByteView as_bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace dpslint
DPSLINT_API_END
