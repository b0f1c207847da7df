#pragma once

// Text of iPAddress general names: "192.0.2.1"; IPv6 in RFC 5952 form ("2001:db8::1": lower-case
// hex, no leading zeros, the longest run of two or more zero groups, the first on a tie, as "::";
// no embedded IPv4 form); name-constraint subnets as "<address>/<prefix length>".

#include <optional>
#include <string>

#include "dpslint/bytes.hpp"

namespace dpslint::botan {

// 4 or 16 octets; nullopt for any other length.
std::optional<std::string> ip_address_text(ByteView octets);

// 8 or 32 octets (address then mask); nullopt for other lengths and for masks whose one-bits
// are not contiguous from the top.
std::optional<std::string> ip_subnet_text(ByteView octets);

}  // namespace dpslint::botan
