#pragma once

// Certificate thumbprints as DPS compares them. Exports write them in several spellings
// (lower-case, "AB:CD:..", "ab cd .."); every comparison in the library and the rules goes
// through these two functions so that no two places can disagree about a match.

#include <string>
#include <string_view>

#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Upper-case hex with ':' and ' ' separators dropped.
std::string normalize_thumbprint(std::string_view thumbprint);

// Do two thumbprints denote the same certificate? An empty thumbprint matches nothing.
bool same_thumbprint(std::string_view a, std::string_view b);

}  // namespace dpslint
DPSLINT_API_END
