#pragma once

// Primitive DER values: OBJECT IDENTIFIER, BOOLEAN, INTEGER, BIT STRING, OCTET STRING. Each
// function checks the tag and the DER rules OpenSSL also enforces, and throws DerError.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dpslint/bytes.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// Dotted text of OBJECT IDENTIFIER content octets; arcs of any size ("2.25.<uuid>").
std::string oid_text(ByteView content);
// Dotted text of a universal OBJECT IDENTIFIER element.
std::string read_oid(const Tlv& tlv, const char* what);

bool read_boolean(const Tlv& tlv, const char* what);

// An INTEGER as the certificate fields describe it.
struct IntegerValue {
    std::string magnitude_hex;  // upper hex of |value| without leading zero bytes, "00" for 0
    bool negative = false;
    std::size_t content_octets = 0;  // as encoded (DER, so minimal)
};
// `tlv` may carry an implicit tag; only its content is read. Rejects empty and non-minimal
// encodings, as OpenSSL does.
IntegerValue integer_value(const Tlv& tlv, const char* what);
// A universal INTEGER that fits in 64 bits; nullopt if it does not.
std::optional<std::int64_t> read_small_integer(const Tlv& tlv, const char* what);

// SkipCerts ::= INTEGER (0..MAX), universal or IMPLICIT-tagged; values above INT_MAX are INT_MAX.
int skip_certs(const Tlv& tlv, const char* what);

// BIT STRING content with the unused bits of the last octet cleared (and no unused bits when
// there is no octet), as OpenSSL decodes it.
struct BitString {
    unsigned unused_bits = 0;
    Bytes bytes;
};
BitString read_bit_string(const Tlv& tlv, const char* what);
// The same for the content of an IMPLICIT-tagged BIT STRING.
BitString bit_string_content(ByteView content, const char* what);
// DER of a BitString, as OpenSSL re-encodes a decoded one.
Bytes encode_bit_string(const BitString& bits);

ByteView read_octet_string(const Tlv& tlv, const char* what);

}  // namespace dpslint::botan
