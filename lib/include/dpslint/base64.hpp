#pragma once

#include <string>
#include <string_view>

#include "dpslint/bytes.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Standard base64 (RFC 4648 §4) with '=' padding; whitespace is skipped. Returns false on any
// other character, bad padding or a truncated quantum.
bool base64_decode(std::string_view text, Bytes& out);

std::string base64_encode(ByteView bytes);

}  // namespace dpslint
DPSLINT_API_END
