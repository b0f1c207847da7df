#include "enrollment_matching.hpp"

#include "dpslint/identifiers.hpp"

namespace dpslint::detail {

const IndividualEnrollment* find_individual(const Snapshot& snapshot,
                                            std::string_view registration_id) {
    if (!snapshot.individuals)
        return nullptr;
    for (const auto& ie : *snapshot.individuals) {
        if (iequals(ie.registration_id, registration_id))
            return &ie;
    }
    return nullptr;
}

bool certificate_info_matches(const X509CertificateWithInfo& entry,
                              const Certificate& certificate) {
    const std::string sha256 = entry.sha256();
    if (!sha256.empty())
        return iequals(sha256, certificate.sha256());
    const std::string sha1 = entry.sha1();
    return !sha1.empty() && iequals(sha1, certificate.sha1());
}

bool reference_matches(const Snapshot& snapshot, const std::string& name,
                       const Certificate& certificate) {
    const CaRecord* record = snapshot.find_certificate(name);
    if (record == nullptr)
        return false;
    if (record->certificate)
        return record->certificate->sha256() == certificate.sha256();
    return iequals(record->thumbprint, certificate.sha1());
}

std::vector<const EnrollmentGroup*> groups_using(const Snapshot& snapshot,
                                                 const Certificate& certificate) {
    std::vector<const EnrollmentGroup*> out;
    for (const auto& group : snapshot.groups) {
        const auto& attestation = group.settings.attestation;
        if (attestation.type != AttestationType::x509 || !attestation.x509)
            continue;
        const X509Attestation& x = *attestation.x509;
        const bool uses =
            (x.ca_reference_primary
             && reference_matches(snapshot, *x.ca_reference_primary, certificate))
            || (x.ca_reference_secondary
                && reference_matches(snapshot, *x.ca_reference_secondary, certificate))
            || (x.signing_primary && certificate_info_matches(*x.signing_primary, certificate))
            || (x.signing_secondary && certificate_info_matches(*x.signing_secondary, certificate));
        if (uses)
            out.push_back(&group);
    }
    return out;
}

bool matches_client_certificate(const IndividualEnrollment& enrollment,
                                const Certificate& certificate) {
    const auto& attestation = enrollment.settings.attestation;
    if (!attestation.x509)
        return false;
    const X509Attestation& x = *attestation.x509;
    return (x.client_primary && certificate_info_matches(*x.client_primary, certificate))
           || (x.client_secondary && certificate_info_matches(*x.client_secondary, certificate));
}

}  // namespace dpslint::detail
