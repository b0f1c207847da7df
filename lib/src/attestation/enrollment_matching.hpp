#pragma once

#include <string_view>
#include <vector>

#include "dpslint/certificate.hpp"
#include "dpslint/snapshot.hpp"

namespace dpslint::detail {

// The individual enrollment whose registration ID equals `registration_id` ignoring case (the
// first in export order when several do).
const IndividualEnrollment* find_individual(const Snapshot& snapshot,
                                            std::string_view registration_id);

// X.509 enrollment groups that use `certificate`: through caReferences (the named certificate
// record's thumbprint) or inline signingCertificates (body or info thumbprints). Export order.
std::vector<const EnrollmentGroup*> groups_using(const Snapshot& snapshot,
                                                 const Certificate& certificate);

// Does a certificate reference (caReferences name or signingCertificates entry) denote
// `certificate`?
bool reference_matches(const Snapshot& snapshot, const std::string& ca_reference_name,
                       const Certificate& certificate);
bool certificate_info_matches(const X509CertificateWithInfo& entry, const Certificate& certificate);

// Does the device certificate match the individual enrollment's primary or secondary client
// certificate (by SHA-1 or SHA-256 thumbprint)?
bool matches_client_certificate(const IndividualEnrollment& enrollment,
                                const Certificate& certificate);

}  // namespace dpslint::detail
