#pragma once

#include <string>

#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Name, key algorithm and hash of a signatureAlgorithm OID. For RSASSA-PSS the hash lives in the
// parameters; the backend passes it as `pss_hash`.
SignatureAlgorithm describe_signature_algorithm(const std::string& oid,
                                                HashAlgorithm pss_hash = HashAlgorithm::unknown);

// Hash of a hash algorithm OID (a digestAlgorithm, RSASSA-PSS hashAlgorithm); unknown when not
// one of HashAlgorithm's.
HashAlgorithm hash_algorithm_from_oid(const std::string& oid);

// Key algorithm of a SubjectPublicKeyInfo algorithm OID.
KeyAlgorithm key_algorithm_from_oid(const std::string& oid);

// "P-256", "P-384", "P-521", "P-224", "P-192", "secp256k1", "brainpoolP256r1", ...; the dotted OID
// itself when unknown.
std::string curve_name_from_oid(const std::string& oid);

}  // namespace dpslint
DPSLINT_API_END
