#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/backend.hpp"
#include "dpslint/certificate_pool.hpp"
#include "dpslint/crl.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/revocation_types.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

struct ValidationPolicy;

// What a certificate that no CRL given is authoritative for means.
enum class RevocationMode {
    require,      // a failure: chain.revocation-unknown
    best_effort,  // status "unknown", not a failure
};

std::string_view to_string(RevocationMode mode) noexcept;  // "require", "best-effort"
std::optional<RevocationMode> parse_revocation_mode(std::string_view text) noexcept;

struct RevocationCheck {
    std::vector<CertificateRevocation>
        certificates;               // every certificate but the anchor, leaf first
    std::vector<Finding> findings;  // chain.revoked, chain.crl-expired, chain.crl-bad-signature,
                                    // chain.revocation-unknown (require mode)
};

// "revoked on 2026-11-15T00:00:00Z (reason keyCompromise) by FILE, CRL 1 (line 1)" for a revoked
// certificate's status.
std::string describe_revocation(const CertificateRevocation& revocation);

// Revoked when any certificate is, else unknown when any is or there are none, else good.
RevocationState overall_state(const std::vector<CertificateRevocation>& certificates) noexcept;

// RFC 5280 §6.3 revocation checking against a fixed set of CRLs: distribution points and the
// issuingDistributionPoint scope (user/CA-only, onlySomeReasons, indirect CRLs and their
// certificateIssuer entries), reason masks until every reason is covered, CRLs signed by the
// certificate's issuer or another key of the same CA or, for indirect CRLs, by the cRLIssuer,
// whose certificate must have cRLSign and a valid path of its own (revocation included) to the
// same trust anchor, delta CRLs (deltaCRLIndicator, removeFromCRL) and certificateHold.
// CRL issuer certificates come from `pool` and the path being checked. Stateless; thread-safe.
class RevocationChecker {
public:
    RevocationChecker(const CryptoBackend& backend, const CrlSet& crls, const CertificatePool& pool,
                      RevocationMode mode = RevocationMode::best_effort);

    // `path` is leaf first, trust anchor last; `policy` gives the evaluation time and the
    // algorithm policy that CRL issuers' paths are validated with.
    RevocationCheck check(const std::vector<CertificatePtr>& path,
                          const ValidationPolicy& policy) const;

    RevocationMode mode() const noexcept { return mode_; }

private:
    const CryptoBackend& backend_;
    const CrlSet& crls_;
    const CertificatePool& pool_;
    RevocationMode mode_;
};

}  // namespace dpslint
DPSLINT_API_END
