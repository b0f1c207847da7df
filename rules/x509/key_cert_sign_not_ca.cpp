#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_key_cert_sign_not_ca() {
    return x509::make_profile_rule(
        {profile_check::key_cert_sign_not_ca,
         "RFC 5280 §4.2.1.3 and §4.2.1.9: keyCertSign may be asserted only when "
         "basicConstraints asserts cA. A device certificate that claims to sign "
         "certificates shows a broken issuing profile; validators reject such a "
         "certificate as an issuer and strict ones reject it outright.",
         "Remove keyCertSign from the end-entity profile (device certificates need "
         "digitalSignature) and re-issue the certificate.",
         "a device certificate with keyUsage keyCertSign and no basicConstraints cA"});
}

}  // namespace dpslint::rules
