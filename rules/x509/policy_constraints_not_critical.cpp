#include "dpslint/profile.hpp"

#include "x509/x509_support.hpp"

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_x509_policy_constraints_not_critical() {
    return x509::make_profile_rule(
        {profile_check::policy_constraints_not_critical,
         "RFC 5280 §4.2.1.11 requires conforming CAs to mark policyConstraints critical, "
         "so that a certificate user that cannot enforce the constraint rejects the path "
         "instead of silently ignoring it.",
         "Re-issue the CA certificate with `policyConstraints = critical, ...`, upload and "
         "verify it in DPS again.",
         "an intermediate CA certificate with a non-critical policyConstraints "
         "requireExplicitPolicy"});
}

}  // namespace dpslint::rules
