#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_ski_critical() {
    return x509::make_profile_rule(
        {profile_check::ski_critical,
         "RFC 5280 §4.2.1.2 says conforming CAs MUST mark the subjectKeyIdentifier extension "
         "non-critical. A certificate user that does not process it must then reject the "
         "certificate, so some stacks refuse the chain; strict validators fail it.",
         "Fix the issuing CA's profile so subjectKeyIdentifier is non-critical (OpenSSL: "
         "`subjectKeyIdentifier = hash`) and re-issue the certificate.",
         "a CA certificate whose subjectKeyIdentifier is marked critical"});
}

}  // namespace dpslint::rules
