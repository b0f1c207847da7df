#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_serial_too_long() {
    return x509::make_profile_rule(
        {profile_check::serial_too_long,
         "RFC 5280 §4.1.2.2: certificate users MUST be able to handle serial numbers up to "
         "20 octets and conforming CAs MUST NOT use longer ones. Longer serials overflow "
         "fixed-size fields in some TLS stacks and device firmware and cannot be put on a "
         "CRL that such users read.",
         "Fix the issuing CA to use serials of at most 20 octets (16 random bytes is "
         "common) and re-issue the certificate.",
         "a 21-octet serial number"});
}

}  // namespace dpslint::rules
