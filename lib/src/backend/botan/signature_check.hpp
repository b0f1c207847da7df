#pragma once

// Does an issuer's key verify a subject's signature, as far as Botan 2 can tell.

#include "dpslint/backend.hpp"
#include "dpslint/certificate.hpp"

#include "backend/botan/native_certificate.hpp"

namespace dpslint::botan {

// valid: Botan verified the signature. invalid: it does not verify, the outer and inner
// signature algorithms differ, or the algorithm needs another key type than the issuer's.
// unsupported: an algorithm, parameters or key Botan 2 cannot check (with Botan's reason).
SignatureCheck check_signature(const Certificate& subject, const BotanCertificate& subject_native,
                               const Certificate& issuer, const BotanCertificate& issuer_native);

}  // namespace dpslint::botan
