#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_basic_constraints_not_critical() {
    return x509::make_profile_rule(
        {profile_check::basic_constraints_not_critical,
         "RFC 5280 §4.2.1.9 requires CAs to mark basicConstraints critical in every CA "
         "certificate that validates signatures on certificates. A non-critical "
         "basicConstraints lets a certificate user that ignores the extension treat the CA "
         "as an end entity or the other way round; strict validators reject it.",
         "Re-issue the CA certificate with `basicConstraints = critical, CA:TRUE` (with "
         "pathlen as needed), upload and verify it in DPS again, and re-issue the devices "
         "below it if their chains must change.",
         "an intermediate CA certificate with a non-critical basicConstraints CA:TRUE"});
}

}  // namespace dpslint::rules
