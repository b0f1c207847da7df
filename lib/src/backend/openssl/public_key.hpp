#pragma once

#include <openssl/x509.h>

#include "dpslint/certificate.hpp"

namespace dpslint::openssl {

// Algorithm, size, curve and SHA-256 of a SubjectPublicKeyInfo; `der` is its encoding as found
// in the input (hashed as is). `bits` is 0 when the algorithm is not one dpslint knows or the
// key does not decode. Throws ParseError for an RSA key that is not a DER RSAPublicKey of
// positive numbers (x509/rsa_key.hpp) and for a key on P-256/384/521 that is not a point of its
// curve, as the Botan backend does.
PublicKeyInfo describe_spki(const X509_PUBKEY* spki, ByteView der);

// The same from the SPKI's parts, without handing the key to OpenSSL's provider decoders (which
// cost more than a signature check, see docs/performance.md): RSA modulus bits from the DER of
// RSAPublicKey, EC sizes from the named curve (the point is decoded onto the curve, a few
// microseconds), Ed25519/Ed448 by their fixed lengths. Other algorithms take the full decode.
// `key` is the subjectPublicKey BIT STRING's content without its unused-bits octet; `der` is the
// whole SPKI.
PublicKeyInfo describe_spki_parts(const X509_ALGOR* algorithm, ByteView key, ByteView der);

}  // namespace dpslint::openssl
