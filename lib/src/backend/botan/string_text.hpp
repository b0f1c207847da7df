#pragma once

// UTF-8 text of ASN.1 character strings, with the rules OpenSSL's ASN1_STRING_to_UTF8 applies,
// so both backends print the same names.

#include <optional>
#include <string>

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// The value as UTF-8 when `tlv` is a primitive universal string type dpslint reads as text:
//   UTF8String            must be valid UTF-8 (no overlong forms, surrogates or > U+10FFFF)
//   BMPString             UCS-2 big endian, even length, no surrogate code units
//   UniversalString       UCS-4 big endian, length a multiple of 4, valid scalar values
//   Printable, IA5, Visible, Numeric, Teletex: one octet per character, read as Latin-1
// nullopt for any other type. Invalid content of these types (which makes OpenSSL reject the
// whole certificate) throws DerError.
std::optional<std::string> string_text(const Tlv& tlv);

}  // namespace dpslint::botan
