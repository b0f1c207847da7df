#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_serial_not_positive() {
    return x509::make_profile_rule(
        {profile_check::serial_not_positive,
         "RFC 5280 §4.1.2.2 requires certificate serial numbers to be positive integers. A "
         "zero or negative serial breaks revocation by serial number (CRL entries) and is "
         "rejected by strict certificate users.",
         "Fix the issuing CA to use positive random serials (e.g. 16 random bytes with the "
         "top bit clear) and re-issue the certificate.",
         "serial number 0"});
}

}  // namespace dpslint::rules
