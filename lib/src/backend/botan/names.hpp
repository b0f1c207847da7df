#pragma once

// X.501 Name → DistinguishedName, keeping multi-valued RDNs grouped and every attribute in
// encoding order.

#include "dpslint/distinguished_name.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// `name` is the Name SEQUENCE element. Values of the text types of string_text except
// VisibleString are UTF-8 text; BIT STRING, SEQUENCE and universal tags 7-9, 11, 13-15 and 29
// become is_string = false with value "#" + upper hex of the value's whole DER encoding. Any
// other value type, invalid string content and an RDN without attributes throw DerError (OpenSSL
// rejects those certificates too).
DistinguishedName decode_name(const Tlv& name);

// The attributes of one RelativeDistinguishedName (a SET, or its IMPLICIT-tagged form) from its
// content octets; same rules as decode_name.
DistinguishedName::Rdn decode_rdn_content(ByteView content);

}  // namespace dpslint::botan
