#pragma once

#include <openssl/x509.h>

#include "dpslint/certificate.hpp"

namespace dpslint::openssl {

// Algorithm, size, curve and SHA-256 of a SubjectPublicKeyInfo; `der` is its encoding as found
// in the input (hashed as is). `bits` is 0 when the algorithm is not one dpslint knows or the
// key does not decode.
PublicKeyInfo describe_spki(const X509_PUBKEY* spki, ByteView der);

}  // namespace dpslint::openssl
