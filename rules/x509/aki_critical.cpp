#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_aki_critical() {
    return x509::make_profile_rule(
        {profile_check::aki_critical,
         "RFC 5280 §4.2.1.1 says conforming CAs MUST mark the authorityKeyIdentifier "
         "extension non-critical. A certificate user that does not process the extension "
         "must reject a certificate with it marked critical, so some TLS stacks and "
         "validators refuse the chain; strict validators (and `dpslint verify --strict`) "
         "fail it.",
         "Fix the issuing CA's profile so authorityKeyIdentifier is non-critical (OpenSSL: "
         "`authorityKeyIdentifier = keyid:always`, no `critical,`) and re-issue the certificate.",
         "a device certificate whose authorityKeyIdentifier is marked critical"});
}

}  // namespace dpslint::rules
