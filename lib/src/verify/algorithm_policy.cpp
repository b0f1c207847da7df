#include "dpslint/algorithm_policy.hpp"

namespace dpslint {

namespace {

std::string join(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty())
            out += ", ";
        out += v;
    }
    return out;
}

}  // namespace

std::string AlgorithmPolicy::check_key(const PublicKeyInfo& key) const {
    switch (key.algorithm) {
        case KeyAlgorithm::rsa:
            if (key.bits < min_rsa_bits) {
                return "RSA key of " + std::to_string(key.bits) + " bits is below the minimum of "
                       + std::to_string(min_rsa_bits);
            }
            return {};
        case KeyAlgorithm::ec:
            if (allowed_curves.count(key.curve) == 0) {
                return "EC curve " + key.curve + " is not allowed (allowed: " + join(allowed_curves)
                       + ")";
            }
            return {};
        case KeyAlgorithm::ed25519:
            return allow_ed25519 ? std::string{} : "Ed25519 keys are not allowed by the policy";
        case KeyAlgorithm::ed448:
            return allow_ed448 ? std::string{} : "Ed448 keys are not allowed by the policy";
        case KeyAlgorithm::dsa:
            return allow_dsa ? std::string{} : "DSA keys are not allowed by the policy";
        case KeyAlgorithm::unknown:
            break;
    }
    return "unknown public key algorithm " + key.algorithm_oid;
}

std::string AlgorithmPolicy::check_signature(const SignatureAlgorithm& algorithm) const {
    switch (algorithm.key_algorithm) {
        case KeyAlgorithm::ed25519:
            return allow_ed25519 ? std::string{}
                                 : "Ed25519 signatures are not allowed by the policy";
        case KeyAlgorithm::ed448:
            return allow_ed448 ? std::string{} : "Ed448 signatures are not allowed by the policy";
        case KeyAlgorithm::dsa:
            if (!allow_dsa)
                return "DSA signatures are not allowed by the policy";
            break;
        case KeyAlgorithm::unknown:
            return "unknown signature algorithm " + algorithm.oid;
        default:
            break;
    }
    if (algorithm.hash == HashAlgorithm::unknown) {
        return "signature algorithm " + algorithm.name + " uses an unknown or unsupported hash";
    }
    if (allowed_hashes.count(algorithm.hash) == 0) {
        return "signature algorithm " + algorithm.name + " uses "
               + std::string(to_string(algorithm.hash)) + ", which the policy does not allow";
    }
    return {};
}

}  // namespace dpslint
