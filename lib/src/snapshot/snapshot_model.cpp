// The small methods of the snapshot model declared in snapshot.hpp.

#include <algorithm>

#include "dpslint/snapshot.hpp"
#include "dpslint/thumbprint.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint {

using snapshot_detail::ascii_upper;
using snapshot_detail::iequals;

std::string X509CertificateWithInfo::sha1() const {
    if (certificate)
        return normalize_thumbprint(certificate->sha1());
    if (info)
        return normalize_thumbprint(info->sha1_thumbprint);
    return {};
}

std::string X509CertificateWithInfo::sha256() const {
    if (certificate)
        return normalize_thumbprint(certificate->sha256());
    if (info)
        return normalize_thumbprint(info->sha256_thumbprint);
    return {};
}

std::string_view to_string(AttestationType type) noexcept {
    switch (type) {
        case AttestationType::x509:
            return "x509";
        case AttestationType::symmetric_key:
            return "symmetricKey";
        case AttestationType::tpm:
            return "tpm";
        case AttestationType::none:
            return "none";
        case AttestationType::unknown:
            break;
    }
    return "unknown";
}

const CaRecord* Snapshot::find_certificate(std::string_view name) const {
    if (!certificates)
        return nullptr;
    // ARM resource names are case-insensitive; an exact match wins over a case-folded one.
    for (const auto& record : *certificates) {
        if (record.name == name)
            return &record;
    }
    for (const auto& record : *certificates) {
        if (iequals(record.name, name))
            return &record;
    }
    return nullptr;
}

const CaRecord* Snapshot::find_certificate_by_sha1(std::string_view sha1) const {
    if (!certificates)
        return nullptr;
    for (const auto& record : *certificates) {
        if (same_thumbprint(record.thumbprint, sha1))
            return &record;
    }
    return nullptr;
}

std::vector<LinkedHub> Snapshot::hubs() const {
    return linked_hubs.value_or(std::vector<LinkedHub>{});
}

std::vector<CertificatePtr> Snapshot::uploaded_ca_certificates() const {
    std::vector<CertificatePtr> out;
    const auto add = [&](const CertificatePtr& c) {
        const bool seen = std::any_of(out.begin(), out.end(), [&](const CertificatePtr& o) {
            return o->sha256() == c->sha256();
        });
        if (!seen)
            out.push_back(c);
    };
    // ca/ files first, in their order, as chains were completed before record bodies counted.
    for (const auto& file : ca_files) {
        if (!certificates || file.paired)
            add(file.certificate);
    }
    if (certificates) {
        for (const auto& record : *certificates) {
            if (record.certificate)
                add(record.certificate);
        }
    }
    return out;
}

const std::vector<LinkedHub>* Snapshot::known_linked_hubs() const noexcept {
    return linked_hubs ? &*linked_hubs : nullptr;
}

AllocationPolicy Snapshot::default_allocation_policy() const {
    if (service && service->allocation_policy)
        return *service->allocation_policy;
    return AllocationPolicy::hashed;
}

}  // namespace dpslint
