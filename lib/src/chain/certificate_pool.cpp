#include "dpslint/certificate_pool.hpp"

#include <algorithm>

namespace dpslint {

bool could_have_issued(const Certificate& issuer, const Certificate& child) {
    if (!(issuer.subject() == child.issuer()))
        return false;
    const auto& aki = child.extensions().authority_key_identifier;
    const auto& ski = issuer.extensions().subject_key_identifier;
    // Key identifiers only narrow the choice when both sides carry one (RFC 5280 §4.2.1.1).
    if (aki && !aki->key_id.empty() && ski && !ski->key_id.empty() && aki->key_id != ski->key_id) {
        return false;
    }
    return true;
}

void CertificatePool::add_trust_anchor(CertificatePtr certificate) {
    add(std::move(certificate), true);
}

void CertificatePool::add_untrusted(CertificatePtr certificate) {
    add(std::move(certificate), false);
}

void CertificatePool::add(CertificatePtr certificate, bool anchor) {
    const auto [it, inserted] = anchor_by_sha256_.emplace(certificate->sha256(), anchor);
    if (!inserted) {
        if (anchor && !it->second) {
            it->second = true;
            anchors_.push_back(certificate);
        }
        return;
    }
    if (anchor)
        anchors_.push_back(certificate);
    by_subject_[certificate->subject().canonical()].push_back(certificate);
    all_.push_back(std::move(certificate));
}

std::vector<CertificatePtr> CertificatePool::issuers_of(const Certificate& child) const {
    std::vector<CertificatePtr> out;
    const auto it = by_subject_.find(child.issuer().canonical());
    if (it == by_subject_.end())
        return out;
    for (const auto& candidate : it->second) {
        if (could_have_issued(*candidate, child))
            out.push_back(candidate);
    }
    std::sort(out.begin(), out.end(), [this](const CertificatePtr& a, const CertificatePtr& b) {
        const bool anchor_a = is_trust_anchor(*a);
        const bool anchor_b = is_trust_anchor(*b);
        if (anchor_a != anchor_b)
            return anchor_a;
        return a->sha256() < b->sha256();
    });
    return out;
}

bool CertificatePool::is_trust_anchor(const Certificate& certificate) const {
    const auto it = anchor_by_sha256_.find(certificate.sha256());
    return it != anchor_by_sha256_.end() && it->second;
}

bool CertificatePool::contains(const Certificate& certificate) const {
    return anchor_by_sha256_.count(certificate.sha256()) != 0;
}

}  // namespace dpslint
