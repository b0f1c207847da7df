#include "backend/openssl/der.hpp"

namespace dpslint::openssl {

namespace {

constexpr int max_depth = 32;

TlvResult fail(std::string reason) {
    return {std::nullopt, std::move(reason)};
}

std::optional<std::string> check(ByteView data, int depth) {
    if (depth > max_depth)
        return "nesting too deep";
    while (!data.empty()) {
        const TlvResult element = read_tlv(data);
        if (!element.tlv)
            return element.error;
        if (element.tlv->constructed) {
            if (auto error = check(element.tlv->content, depth + 1))
                return error;
        }
        data = data.subspan(element.tlv->size);
    }
    return std::nullopt;
}

}  // namespace

TlvResult read_tlv(ByteView data) {
    if (data.empty())
        return fail("unexpected end of data");
    std::size_t pos = 0;
    const std::uint8_t identifier = data[pos++];
    Tlv tlv;
    tlv.tag_class = identifier >> 6;
    tlv.constructed = (identifier & 0x20) != 0;
    tlv.number = identifier & 0x1Fu;
    if (tlv.number == 0x1F) {
        // High tag number form: base-128 without a leading 0x80, at most 4 octets, >= 31.
        std::uint32_t number = 0;
        for (int count = 0;; ++count) {
            if (pos >= data.size())
                return fail("truncated tag");
            const std::uint8_t b = data[pos++];
            if (count == 0 && b == 0x80)
                return fail("non-minimal tag encoding");
            if (count == 4)
                return fail("tag number too large");
            number = (number << 7) | (b & 0x7Fu);
            if ((b & 0x80) == 0)
                break;
        }
        if (number < 0x1F)
            return fail("non-minimal tag encoding");
        tlv.number = number;
    }
    if (tlv.tag_class == 0 && tlv.number == 0)
        return fail("unexpected end-of-contents marker");

    if (pos >= data.size())
        return fail("truncated length");
    const std::uint8_t first = data[pos++];
    std::size_t length = 0;
    if (first < 0x80) {
        length = first;
    } else if (first == 0x80) {
        return fail("indefinite length (BER, not DER)");
    } else {
        const std::size_t octets = first & 0x7Fu;
        if (octets > 4)
            return fail("length too large");
        if (pos + octets > data.size())
            return fail("truncated length");
        if (data[pos] == 0)
            return fail("non-minimal length encoding");
        for (std::size_t i = 0; i < octets; ++i)
            length = (length << 8) | data[pos++];
        if (length < 0x80)
            return fail("non-minimal length encoding");
    }
    if (length > data.size() - pos)
        return fail("truncated element");
    tlv.content = data.subspan(pos, length);
    tlv.size = pos + length;
    return {tlv, {}};
}

std::optional<std::string> der_violation(ByteView data) {
    return check(data, 0);
}

}  // namespace dpslint::openssl
