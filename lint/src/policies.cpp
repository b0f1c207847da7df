#include "policies.hpp"

namespace dpslint::cli {

AttestationOptions attestation_options(TimePoint at) {
    AttestationOptions options;
    options.at = at;
    return options;
}

ValidationPolicy streamed_trust_policy(const AttestationOptions& attestation,
                                       const RevocationChecker* revocation) {
    ValidationPolicy policy;
    policy.at = attestation.at;
    policy.purpose = Purpose::any;
    policy.algorithms = attestation.algorithms;
    policy.revocation = revocation;
    return policy;
}

ValidationPolicy verify_policy(TimePoint at, const ValidationOptions& validation,
                               const VerifyPolicyOptions& options) {
    ValidationPolicy policy;
    policy.at = at;
    validation.apply(policy);
    policy.algorithms.min_rsa_bits = options.min_rsa_bits;
    if (options.allow_sha1)
        policy.algorithms.allowed_hashes.insert(HashAlgorithm::sha1);
    return policy;
}

}  // namespace dpslint::cli
