#pragma once

// Checks on decoded extension values that both backends run after decoding, so that they report
// the same problems for the same certificate whatever their ASN.1 decoders accept.

#include "dpslint/certificate.hpp"

namespace dpslint::detail {

// Appends to `extensions.problems`: SEQUENCEs the types require to be non-empty (subjectAltName,
// extendedKeyUsage, certificatePolicies, policyMappings, cRLDistributionPoints) that are empty,
// nameConstraints and policyConstraints with neither field (RFC 5280 §4.2.1.10, §4.2.1.11: CAs
// MUST NOT issue them empty), and a policy listed twice in certificatePolicies (§4.2.1.4).
void add_value_problems(Extensions& extensions);

}  // namespace dpslint::detail
