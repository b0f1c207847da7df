#include "x509/ec_point.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace dpslint {

namespace {

constexpr std::array<std::uint8_t, 32> p256_prime{
    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};
constexpr std::array<std::uint8_t, 48> p384_prime{
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,
};
constexpr std::array<std::uint8_t, 66> p521_prime{
    0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

const std::array<NamedCurve, 3> curves{{
    {"1.2.840.10045.3.1.7", "P-256", 256, p256_prime},
    {"1.3.132.0.34", "P-384", 384, p384_prime},
    {"1.3.132.0.35", "P-521", 521, p521_prime},
}};

// Big-endian `coordinate` (the prime's size) is below the prime.
bool below(ByteView coordinate, ByteView prime) {
    return std::lexicographical_compare(coordinate.begin(), coordinate.end(), prime.begin(),
                                        prime.end());
}

}  // namespace

const NamedCurve* find_named_curve(std::string_view oid) noexcept {
    const auto it = std::find_if(curves.begin(), curves.end(),
                                 [oid](const NamedCurve& c) { return c.oid == oid; });
    return it == curves.end() ? nullptr : &*it;
}

std::optional<std::string> ec_point_encoding_problem(const NamedCurve& curve, ByteView point) {
    const std::size_t field = curve.prime.size();
    const std::string where = " for " + std::string(curve.name);
    if (point.empty())
        return "empty EC point" + where;
    const std::uint8_t form = point[0];
    if (form == 0x04) {
        if (point.size() != 1 + 2 * field)
            return "uncompressed EC point of " + std::to_string(point.size()) + " octets" + where;
        if (!below(point.subspan(1, field), curve.prime)
            || !below(point.subspan(1 + field, field), curve.prime))
            return "EC point coordinate not below the field prime" + where;
        return std::nullopt;
    }
    if (form == 0x02 || form == 0x03) {
        if (point.size() != 1 + field)
            return "compressed EC point of " + std::to_string(point.size()) + " octets" + where;
        if (!below(point.subspan(1, field), curve.prime))
            return "EC point coordinate not below the field prime" + where;
        return std::nullopt;
    }
    return "EC point in an unsupported form (first octet " + std::to_string(form) + ")" + where;
}

}  // namespace dpslint
