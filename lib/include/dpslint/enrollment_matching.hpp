#pragma once

// Which enrollments a device certificate meets: the one matcher the attestation simulator and the
// lint context (and through it every rule) use.

#include <string_view>
#include <vector>

#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"
#include "dpslint/snapshot.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// The individual enrollment whose registration ID equals `registration_id` ignoring case (the
// first in export order when several do).
const IndividualEnrollment* find_individual(const Snapshot& snapshot,
                                            std::string_view registration_id);

// Does the X.509 enrollment group use `certificate` as one of its CAs?
bool group_uses_certificate(const Snapshot& snapshot, const EnrollmentGroup& group,
                            const Certificate& certificate);

// X.509 enrollment groups that use `certificate`: through caReferences (the named certificate
// record's thumbprint) or inline signingCertificates (body or info thumbprints). Export order.
std::vector<const EnrollmentGroup*> groups_using(const Snapshot& snapshot,
                                                 const Certificate& certificate);

// The groups DPS stops at walking `chain` upwards: those using the first certificate any group
// uses (DPS takes the first entry found, enabled or not), and that certificate's index; no
// groups when none matches.
struct GroupsFound {
    std::size_t index = 0;
    std::vector<const EnrollmentGroup*> groups;
};
GroupsFound first_groups_using(const Snapshot& snapshot, const std::vector<CertificatePtr>& chain);

// Does a certificate reference (caReferences name or signingCertificates entry) denote
// `certificate`?
bool reference_matches(const Snapshot& snapshot, const std::string& ca_reference_name,
                       const Certificate& certificate);
bool certificate_info_matches(const X509CertificateWithInfo& entry, const Certificate& certificate);

// Does the device certificate match the individual enrollment's primary or secondary client
// certificate (by SHA-1 or SHA-256 thumbprint)?
bool matches_client_certificate(const IndividualEnrollment& enrollment,
                                const Certificate& certificate);

}  // namespace dpslint
DPSLINT_API_END
