#pragma once

#include <set>
#include <string>

#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Which signature and key algorithms a path may use. Defaults follow current practice for device
// PKI: SHA-2 only, RSA >= 2048, NIST P-256/P-384/P-521, Ed25519.
struct AlgorithmPolicy {
    std::set<HashAlgorithm> allowed_hashes{HashAlgorithm::sha256, HashAlgorithm::sha384,
                                           HashAlgorithm::sha512};
    int min_rsa_bits = 2048;
    std::set<std::string> allowed_curves{"P-256", "P-384", "P-521"};
    bool allow_ed25519 = true;
    bool allow_ed448 = false;
    bool allow_dsa = false;

    // Empty string when acceptable, else why not.
    std::string check_key(const PublicKeyInfo& key) const;
    std::string check_signature(const SignatureAlgorithm& algorithm) const;
};

}  // namespace dpslint
DPSLINT_API_END
