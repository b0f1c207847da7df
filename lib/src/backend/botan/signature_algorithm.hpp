#pragma once

// The outer signatureAlgorithm of a certificate.

#include "dpslint/certificate.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// `algorithm` is an AlgorithmIdentifier element. For RSASSA-PSS the hash comes from the
// parameters: SHA-1 when they or their hashAlgorithm are absent, unknown when they do not decode
// or name a hash dpslint does not know. Throws DerError if the AlgorithmIdentifier is malformed.
SignatureAlgorithm decode_signature_algorithm(const Tlv& algorithm);

}  // namespace dpslint::botan
