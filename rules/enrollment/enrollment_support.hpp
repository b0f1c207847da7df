#pragma once

// Helpers shared by the enrollment.* and individual.* rules: naming a group's CA, locating it,
// and the chain above a device (the issuer walk and the deciding group are LintContext's).

#include <algorithm>
#include <string>
#include <vector>

#include "dpslint/identifiers.hpp"

#include "rule_support.hpp"
#include "text.hpp"

namespace dpslint::rules::enrollment {

// Only X.509 groups are entries on a certificate (DPS ignores x509 data of other types).
inline bool is_x509(const lint::GroupView& group) {
    return group.group->settings.attestation.type == AttestationType::x509;
}

// How a message names a group's CA: the DPS certificate name for caReferences, else the subject.
inline std::string ca_name(const lint::GroupCa& ca) {
    if (ca.by_reference)
        return "CA certificate '" + ca.reference + "'";
    if (ca.certificate)
        return "'" + ca.certificate->label() + "'";
    if (!ca.sha1.empty())
        return "the certificate with SHA-1 " + ca.sha1;
    return "an inline signing certificate without body or thumbprint";
}

// The group's location narrowed to the CA reference, with the certificate's identity.
inline Location ca_location(const lint::GroupView& group, const lint::GroupCa& ca) {
    Location location = group.location();
    if (!ca.source.pointer.empty())
        location.json_pointer = ca.source.pointer;
    if (ca.by_reference)
        location.ca_name = ca.reference;
    if (ca.certificate) {
        location.subject = ca.certificate->subject().text();
        location.sha256 = ca.certificate->sha256();
        location.sha1 = ca.certificate->sha1();
    } else {
        location.sha1 = ca.sha1;
    }
    return location;
}

inline std::vector<CertificatePtr> chain_above_leaf(const AttestationResult& attestation) {
    std::vector<CertificatePtr> out;
    for (std::size_t i = 1; i < attestation.chain.size(); ++i)
        out.push_back(attestation.chain[i].certificate);
    return out;
}

// An individual enrollment's location in enrollments.json.
inline Location individual_location(const IndividualEnrollment& enrollment) {
    Location location;
    location.file = enrollment.settings.source.file;
    location.json_pointer = enrollment.settings.source.pointer;
    location.enrollment_kind = "individual";
    location.enrollment_id = enrollment.registration_id;
    return location;
}

// Each client certificate of every X.509 individual enrollment, in export order:
// visit(enrollment, entry, "primary" | "secondary").
template <typename Visit>
void for_each_client_certificate(const Snapshot& snapshot, Visit visit) {
    if (!snapshot.individuals)
        return;
    for (const auto& enrollment : *snapshot.individuals) {
        const auto& attestation = enrollment.settings.attestation;
        if (attestation.type != AttestationType::x509 || !attestation.x509)
            continue;
        if (attestation.x509->client_primary)
            visit(enrollment, *attestation.x509->client_primary, "primary");
        if (attestation.x509->client_secondary)
            visit(enrollment, *attestation.x509->client_secondary, "secondary");
    }
}

}  // namespace dpslint::rules::enrollment
