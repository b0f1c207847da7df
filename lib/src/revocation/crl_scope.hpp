#pragma once

// The parts of RFC 5280 §6.3.3 that look only at a certificate and a CRL: which CRLs speak for
// a certificate's distribution point, for which reasons, and what they say about it.

#include <cstdint>
#include <optional>
#include <vector>

#include "dpslint/certificate.hpp"
#include "dpslint/crl.hpp"

namespace dpslint::detail {

// The certificate's distribution points, or the one implied when it has none: the CRL of its
// issuer, for every reason.
std::vector<DistributionPoint> distribution_points(const Certificate& certificate);

// §6.3.3 (b)-(c): when `crl` (a complete or delta CRL) is in scope for `certificate` through
// `point`, the reasons it can speak for (ReasonFlag bits, all_reasons at most); nullopt when it
// is out of scope.
std::optional<std::uint16_t> crl_scope(const Crl& crl, const Certificate& certificate,
                                       const DistributionPoint& point);

// The entry of `crl` for `certificate` (serial and, for indirect CRLs, the certificateIssuer in
// force for the entry, RFC 5280 §5.3.3); null when it is not listed.
const CrlEntry* find_entry(const Crl& crl, const Certificate& certificate);

// Whether `delta` can be combined with the complete CRL `base` (RFC 5280 §5.2.4, §6.3.3 (h)): same
// issuer and scope, and `base` is at least as new as the delta's BaseCRLNumber.
bool delta_applies(const Crl& delta, const Crl& base);

}  // namespace dpslint::detail
