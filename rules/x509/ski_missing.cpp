#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_ski_missing() {
    return x509::make_profile_rule(
        {profile_check::ski_missing,
         "RFC 5280 §4.2.1.2 requires subjectKeyIdentifier in every CA certificate: the "
         "certificates it issues name it in their authorityKeyIdentifier, which is how "
         "chain builders find the right issuer across key rollover and cross-signing.",
         "Re-issue the CA certificate with `subjectKeyIdentifier = hash`, upload and "
         "verify it in DPS again.",
         "an intermediate CA certificate without subjectKeyIdentifier"});
}

}  // namespace dpslint::rules
