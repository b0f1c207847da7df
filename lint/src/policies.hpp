#pragma once

#include "dpslint/attestation.hpp"
#include "dpslint/path_validator.hpp"
#include "dpslint/revocation.hpp"
#include "dpslint/time.hpp"

#include "validation_options.hpp"

namespace dpslint::cli {

// Every validation and attestation policy the commands use, built from their options here and
// nowhere else, so that simulate, lint and batch model DPS alike and verify differs only where
// its options say so.

// How DPS is modelled (simulate, lint, batch --snapshot, and the CRL issuers' paths).
AttestationOptions attestation_options(TimePoint at);

// `batch --trust`: as in `simulate`, the verdict models what works; EKU and algorithm hygiene are
// the device.* rules' job, so they are not reported twice. `revocation` may be null.
ValidationPolicy streamed_trust_policy(const AttestationOptions& attestation,
                                       const RevocationChecker* revocation);

// `verify`: RFC 5280 path validation as the user asked for it. The revocation checker is set by
// the caller, once the CRLs are loaded.
struct VerifyPolicyOptions {
    int min_rsa_bits = 2048;
    bool allow_sha1 = false;
};
ValidationPolicy verify_policy(TimePoint at, const ValidationOptions& validation,
                               const VerifyPolicyOptions& options);

}  // namespace dpslint::cli
