#pragma once

#include <openssl/x509.h>

#include "dpslint/certificate.hpp"

namespace dpslint::openssl {

// Algorithm, size, curve and SHA-256 of a SubjectPublicKeyInfo. `bits` is 0 when the algorithm
// is not one dpslint knows or the key does not decode.
PublicKeyInfo describe_spki(const X509_PUBKEY* spki);

}  // namespace dpslint::openssl
