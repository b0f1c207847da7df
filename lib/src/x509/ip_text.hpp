#pragma once

// Text of the octets of an iPAddress GeneralName, shared by both backends so they print
// addresses identically.

#include <optional>
#include <string>

#include "dpslint/bytes.hpp"

namespace dpslint::detail {

// 4 octets: "192.0.2.1"; 16 octets: RFC 5952 §4 text ("2001:db8::1": lower-case hex, no leading
// zeros, the longest run of two or more zero groups (the first on a tie) shortened to "::"; no
// dotted-quad tail, not even for IPv4-mapped addresses). nullopt for any other length.
std::optional<std::string> format_ip_address(ByteView octets);

// Name-constraint form, address then mask: 8 octets "10.0.0.0/8", 32 octets "2001:db8::/32".
// nullopt for other lengths or a mask whose one-bits are not contiguous from the left.
std::optional<std::string> format_ip_subnet(ByteView octets);

}  // namespace dpslint::detail
