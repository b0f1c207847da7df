#pragma once

// EC public keys on the NIST curves, checked the same way by both backends before their crypto
// library sees the point: an uncompressed (04) or compressed (02, 03) point of the curve's size
// with coordinates below the field prime (RFC 5480 §2.2, SEC 1 §2.3.4). OpenSSL and Botan differ
// on the rest (hybrid forms, the point at infinity, coordinates of the field's size but not below
// its prime), so neither gets to decide. Whether the point lies on the curve each backend checks
// with its own arithmetic.

#include <optional>
#include <string>
#include <string_view>

#include "dpslint/bytes.hpp"

namespace dpslint {

struct NamedCurve {
    std::string_view oid;
    std::string_view name;  // as curve_name_from_oid
    int bits;               // of the field and the group order
    ByteView prime;         // the field prime, big-endian, the size of a coordinate
};

// P-256, P-384 or P-521 by OID; null for any other curve.
const NamedCurve* find_named_curve(std::string_view oid) noexcept;

// Why `point` (a subjectPublicKey) cannot encode a point of `curve`, in one line; nullopt when
// its form, size and coordinates are acceptable.
std::optional<std::string> ec_point_encoding_problem(const NamedCurve& curve, ByteView point);

}  // namespace dpslint
