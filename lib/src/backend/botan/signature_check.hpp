#pragma once

// Does an issuer's key verify a subject's signature, as far as Botan 2 can tell.

#include <string>

#include "dpslint/backend.hpp"
#include "dpslint/certificate.hpp"

#include "backend/botan/native_certificate.hpp"

namespace dpslint::botan {

// valid: Botan verified the signature. invalid: it does not verify, the outer and inner
// signature algorithms differ, or the algorithm needs another key type than the issuer's.
// unsupported: an algorithm, parameters or key Botan 2 cannot check (with Botan's reason).
SignatureCheck check_signature(const Certificate& subject, const BotanCertificate& subject_native,
                               const Certificate& issuer, const BotanCertificate& issuer_native);

// What check_signed needs of any signed envelope (a certificate, a CRL): `signed_object` null
// with `signed_error` when Botan could not decode it, `algorithms_match` whether the inner and
// outer algorithm fields agree, `signature_whole_octets` whether the signature BIT STRING has no
// unused bits.
struct SignedEnvelope {
    const SignedObject* signed_object = nullptr;
    const std::string& signed_error;
    bool algorithms_match = true;
    bool signature_whole_octets = true;
};

SignatureCheck check_signed(const SignatureAlgorithm& algorithm, const SignedEnvelope& envelope,
                            const Certificate& issuer, const BotanCertificate& issuer_native);

}  // namespace dpslint::botan
