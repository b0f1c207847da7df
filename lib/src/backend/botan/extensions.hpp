#pragma once

// The extensions of a v3 certificate.

#include "dpslint/certificate.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// `sequence` is the Extensions SEQUENCE (the content of the [3] wrapper). Every extension lands
// in `all` (and `unrecognized` when is_recognized_extension says so) in certificate order; the
// eight typed ones are decoded. Throws ParseError: "malformed extensions: <reason>" for the list,
// "duplicate extension <oid>", "malformed <name> extension" for a typed one that does not decode.
Extensions decode_extensions(const Tlv& sequence);

// The AuthorityKeyIdentifier SEQUENCE (CRLs carry it too). Throws DerError.
AuthorityKeyIdentifier decode_authority_key_identifier(const Tlv& value);

}  // namespace dpslint::botan
