#pragma once

// RSA public keys, checked the same way by both backends: RSAPublicKey ::= SEQUENCE { modulus
// INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1) in DER, both numbers positive. OpenSSL
// sized keys only from minimal encodings while Botan read any, so a non-minimal exponent gave
// 0 bits on one backend and 1024 on the other.

#include <optional>
#include <string>

#include "dpslint/bytes.hpp"

namespace dpslint {

// Why `key` (a subjectPublicKey's content) is not such an RSAPublicKey, in one line; nullopt
// when it is.
std::optional<std::string> rsa_key_problem(ByteView key);

// Why a well-formed RSAPublicKey cannot verify anything: an even modulus or exponent. Botan
// refuses to load such a key, OpenSSL would; both backends treat it as unusable (signatures
// under it "unsupported") while still describing it.
std::optional<std::string> rsa_key_unusable(ByteView key);

}  // namespace dpslint
