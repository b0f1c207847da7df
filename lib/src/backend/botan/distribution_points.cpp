#include "backend/botan/distribution_points.hpp"

#include "backend/botan/der_values.hpp"
#include "backend/botan/general_names.hpp"
#include "backend/botan/names.hpp"

namespace dpslint::botan {

DistributionPointName decode_distribution_point_name(const Tlv& wrapper) {
    // DistributionPointName ::= CHOICE { fullName [0] IMPLICIT GeneralNames,
    //                                    nameRelativeToCRLIssuer [1] IMPLICIT RDN }
    DerReader reader(wrapper.content);
    const Tlv choice = reader.read();
    reader.expect_end("DistributionPointName");
    DistributionPointName out;
    if (choice.is_context(0, true)) {
        DerReader names(choice.content);
        while (!names.at_end())
            out.full_name.push_back(decode_general_name(names.read(), IpForm::address));
        if (out.full_name.empty())
            throw DerError("empty fullName");
    } else if (choice.is_context(1, true)) {
        out.relative_name = decode_rdn_content(choice.content);
    } else {
        throw DerError("expected DistributionPointName");
    }
    return out;
}

std::uint16_t decode_reason_flags(ByteView content) {
    const BitString bits = bit_string_content(content, "ReasonFlags");
    std::uint16_t out = 0;
    for (unsigned n = 0; n <= 8; ++n) {
        const std::size_t octet = n / 8;
        if (octet < bits.bytes.size() && (bits.bytes[octet] & (0x80u >> (n % 8))) != 0)
            out = static_cast<std::uint16_t>(out | (1u << n));
    }
    return out;
}

std::vector<DistributionPoint> decode_distribution_points(const Tlv& sequence) {
    // DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
    //                                  reasons [1] IMPLICIT ReasonFlags OPTIONAL,
    //                                  cRLIssuer [2] IMPLICIT GeneralNames OPTIONAL }
    if (!sequence.is_sequence())
        throw DerError("expected SEQUENCE");
    std::vector<DistributionPoint> out;
    DerReader reader(sequence.content);
    while (!reader.at_end()) {
        DerReader fields(reader.read_sequence("DistributionPoint").content);
        DistributionPoint point;
        if (auto name = fields.read_optional(TagClass::context, 0, true))
            point.name = decode_distribution_point_name(*name);
        if (auto reasons = fields.read_optional(TagClass::context, 1, false))
            point.reasons = decode_reason_flags(reasons->content);
        if (auto issuer = fields.read_optional(TagClass::context, 2, true)) {
            DerReader names(issuer->content);
            while (!names.at_end())
                point.crl_issuer.push_back(decode_general_name(names.read(), IpForm::address));
            if (point.crl_issuer.empty())
                throw DerError("empty cRLIssuer");
        }
        fields.expect_end("DistributionPoint");
        out.push_back(std::move(point));
    }
    return out;
}

}  // namespace dpslint::botan
