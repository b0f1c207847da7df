#pragma once

// SubjectPublicKeyInfo → PublicKeyInfo plus the key loaded by Botan for signature checks.

#include <memory>
#include <string>

#include "dpslint/certificate.hpp"

#include "backend/botan/der_reader.hpp"

namespace Botan {
class Public_Key;
}

namespace dpslint::botan {

struct DecodedPublicKey {
    PublicKeyInfo info;
    std::shared_ptr<const Botan::Public_Key> key;  // null when Botan cannot load it
    std::string load_error;                        // why `key` is null
};

// `spki` is the SubjectPublicKeyInfo SEQUENCE element. Throws DerError when the
// SEQUENCE { AlgorithmIdentifier, BIT STRING } structure itself is malformed, when an RSA key is
// not a DER RSAPublicKey of positive numbers and when a key on P-256/384/521 is not a point of its
// curve (as the OpenSSL backend). Any other key of an unknown
// algorithm, or one Botan cannot load, gives bits = 0. Sizes: RSA modulus bits, EC group order
// bits, DSA p bits, 256 for Ed25519 and 456 for Ed448 (57 octets, no parameters; Botan 2 cannot
// load Ed448 keys). Ed25519 keys must have no parameters and 32 octets. The curve is named only
// for namedCurve parameters.
DecodedPublicKey decode_public_key(const Tlv& spki);

}  // namespace dpslint::botan
