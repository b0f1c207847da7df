#include "dpslint/enrollment_matching.hpp"

#include "dpslint/identifiers.hpp"
#include "dpslint/thumbprint.hpp"

namespace dpslint {

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
        return same_thumbprint(sha256, certificate.sha256());
    const std::string sha1 = entry.sha1();
    return same_thumbprint(sha1, certificate.sha1());
}

bool reference_matches(const Snapshot& snapshot, const std::string& name,
                       const Certificate& certificate) {
    const CaRecord* record = snapshot.find_certificate(name);
    if (record == nullptr)
        return false;
    if (record->certificate)
        return record->certificate->sha256() == certificate.sha256();
    return same_thumbprint(record->thumbprint, certificate.sha1());
}

bool group_uses_certificate(const Snapshot& snapshot, const EnrollmentGroup& group,
                            const Certificate& certificate) {
    const auto& attestation = group.settings.attestation;
    if (attestation.type != AttestationType::x509 || !attestation.x509)
        return false;
    const X509Attestation& x = *attestation.x509;
    return (x.ca_reference_primary
            && reference_matches(snapshot, *x.ca_reference_primary, certificate))
           || (x.ca_reference_secondary
               && reference_matches(snapshot, *x.ca_reference_secondary, certificate))
           || (x.signing_primary && certificate_info_matches(*x.signing_primary, certificate))
           || (x.signing_secondary && certificate_info_matches(*x.signing_secondary, certificate));
}

std::vector<const EnrollmentGroup*> groups_using(const Snapshot& snapshot,
                                                 const Certificate& certificate) {
    std::vector<const EnrollmentGroup*> out;
    for (const auto& group : snapshot.groups) {
        if (group_uses_certificate(snapshot, group, certificate))
            out.push_back(&group);
    }
    return out;
}

GroupsFound first_groups_using(const Snapshot& snapshot, const std::vector<CertificatePtr>& chain) {
    GroupsFound out;
    for (std::size_t i = 0; i < chain.size() && out.groups.empty(); ++i) {
        out.groups = groups_using(snapshot, *chain[i]);
        out.index = i;
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

}  // namespace dpslint
