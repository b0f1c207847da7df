#pragma once

// CRL distribution points (RFC 5280 §4.2.1.13) and the names and reasons CRLs share with them
// (issuingDistributionPoint, §5.2.5).

#include <cstdint>
#include <vector>

#include "dpslint/certificate.hpp"

#include "backend/botan/der_reader.hpp"

namespace dpslint::botan {

// CRLDistributionPoints ::= SEQUENCE OF DistributionPoint. Throws DerError.
std::vector<DistributionPoint> decode_distribution_points(const Tlv& sequence);

// `wrapper` is the [0] EXPLICIT element holding the DistributionPointName CHOICE.
DistributionPointName decode_distribution_point_name(const Tlv& wrapper);

// ReasonFlags from the content of an IMPLICIT-tagged BIT STRING: ReasonFlag bits 0..8.
std::uint16_t decode_reason_flags(ByteView content);

}  // namespace dpslint::botan
