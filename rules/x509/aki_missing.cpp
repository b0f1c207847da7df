#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_aki_missing() {
    return x509::make_profile_rule(
        {profile_check::aki_missing,
         "RFC 5280 §4.2.1.1 requires the authorityKeyIdentifier in every certificate a CA "
         "issues (only self-signed certificates may omit it). Chain builders use it to "
         "pick the right issuer when a CA has several keys or certificates (rollover, "
         "cross-signing); without it they fall back to names and may build the wrong path.",
         "Add `authorityKeyIdentifier = keyid:always` to the issuing CA's extension "
         "profile and re-issue the certificate.",
         "an intermediate CA certificate issued without authorityKeyIdentifier"});
}

}  // namespace dpslint::rules
