#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_empty_subject_san() {
    return x509::make_profile_rule(
        {profile_check::empty_subject_san,
         "RFC 5280 §4.1.2.6 and §4.2.1.6 allow an empty subject only when the identity is "
         "in a subjectAltName marked critical. For DPS an empty subject also means no CN, "
         "so there is no registration ID to enroll the device under.",
         "Issue the certificate with a subject (for a DPS device: CN = the registration "
         "ID), or mark its subjectAltName critical when an empty subject is intended.",
         "a device certificate with an empty subject and a non-critical subjectAltName"});
}

}  // namespace dpslint::rules
