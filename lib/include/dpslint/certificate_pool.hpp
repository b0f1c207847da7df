#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Certificates indexed for issuer lookup: by canonical subject DN and by subject key identifier.
// Build once, then share read-only across threads. Duplicates (same SHA-256) are stored once; a
// certificate added as a trust anchor stays an anchor even if also added as untrusted.
class CertificatePool {
public:
    // Not thread-safe: add everything before sharing the pool.
    void add_trust_anchor(CertificatePtr certificate);
    void add_untrusted(CertificatePtr certificate);

    // Candidate issuers of `child`: subject DN equals child's issuer DN and, where both carry key
    // identifiers, the candidate's SKI equals child's AKI keyIdentifier. Deterministic order:
    // anchors first, then by SHA-256.
    std::vector<CertificatePtr> issuers_of(const Certificate& child) const;

    bool is_trust_anchor(const Certificate& certificate) const;
    bool contains(const Certificate& certificate) const;

    const std::vector<CertificatePtr>& trust_anchors() const noexcept { return anchors_; }
    const std::vector<CertificatePtr>& all() const noexcept { return all_; }
    std::size_t size() const noexcept { return all_.size(); }

private:
    void add(CertificatePtr certificate, bool anchor);

    std::vector<CertificatePtr> anchors_;
    std::vector<CertificatePtr> all_;
    std::unordered_map<std::string, bool> anchor_by_sha256_;
    std::unordered_map<std::string, std::vector<CertificatePtr>> by_subject_;
};

// RFC 5280 issuer matching used by the pool: names match canonically and key identifiers do not
// contradict each other.
bool could_have_issued(const Certificate& issuer, const Certificate& child);

}  // namespace dpslint
DPSLINT_API_END
