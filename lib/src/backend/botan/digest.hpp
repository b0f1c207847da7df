#pragma once

#include <string>

#include "dpslint/bytes.hpp"

namespace dpslint::botan {

// Upper hex of a Botan hash ("SHA-1", "SHA-256") of `data`.
std::string digest_hex(const char* algorithm, ByteView data);

}  // namespace dpslint::botan
