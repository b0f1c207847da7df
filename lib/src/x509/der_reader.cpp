#include "x509/der_reader.hpp"

#include <string>

namespace dpslint::der {

namespace {

// Deep enough for any certificate; bounds the recursion of check_der_tree.
constexpr int max_depth = 32;

std::string tag_text(const Tlv& tlv) {
    static constexpr const char* classes[] = {"UNIVERSAL", "APPLICATION", "CONTEXT", "PRIVATE"};
    return std::string(classes[static_cast<int>(tlv.tag_class)]) + ' ' + std::to_string(tlv.number)
           + (tlv.constructed ? " (constructed)" : "");
}

// DER: SEQUENCE and SET are constructed, every other universal type primitive (no constructed
// strings).
void check_universal_form(const Tlv& tlv) {
    if (tlv.tag_class != TagClass::universal)
        return;
    const bool must_be_constructed = tlv.number == tag::sequence || tlv.number == tag::set;
    if (tlv.constructed != must_be_constructed) {
        throw DerError(tag_text(tlv)
                       + (must_be_constructed ? " must be constructed" : " must be primitive"));
    }
}

// The content rules of the simple universal types (X.690 8.2, 8.3, 8.6, 8.8, 8.19; BMPString and
// UniversalString sizes), which OpenSSL also applies wherever it decodes one of them.
void check_primitive_content(const Tlv& tlv) {
    if (tlv.tag_class != TagClass::universal || tlv.constructed)
        return;
    const ByteView c = tlv.content;
    switch (tlv.number) {
        case tag::boolean:
            if (c.size() != 1)
                throw DerError("BOOLEAN of length " + std::to_string(c.size()));
            break;
        case tag::integer:
        case 10:  // ENUMERATED
            if (c.empty())
                throw DerError("empty INTEGER");
            if (c.size() > 1
                && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xFF && (c[1] & 0x80) != 0)))
                throw DerError("non-minimal INTEGER");
            break;
        case tag::null:
            if (!c.empty())
                throw DerError("NULL with content");
            break;
        case tag::object_identifier:
            if (c.empty() || (c.back() & 0x80) != 0)
                throw DerError("malformed OBJECT IDENTIFIER");
            for (std::size_t i = 0; i < c.size(); ++i) {
                if (c[i] == 0x80 && (i == 0 || (c[i - 1] & 0x80) == 0))
                    throw DerError("non-minimal OBJECT IDENTIFIER arc");
            }
            break;
        case tag::bit_string:
            if (c.empty() || c[0] > 7)
                throw DerError("malformed BIT STRING");
            break;
        case tag::bmp_string:
            if (c.size() % 2 != 0)
                throw DerError("BMPString of odd length");
            break;
        case tag::universal_string:
            if (c.size() % 4 != 0)
                throw DerError("UniversalString length not a multiple of 4");
            break;
        default:
            break;
    }
}

// Parses the element at the start of `data`.
Tlv parse_element(ByteView data) {
    if (data.empty())
        throw DerError("unexpected end of data");
    std::size_t pos = 0;
    const std::uint8_t identifier = data[pos++];
    Tlv tlv;
    tlv.tag_class = static_cast<TagClass>(identifier >> 6);
    tlv.constructed = (identifier & 0x20) != 0;
    tlv.number = identifier & 0x1F;
    if (tlv.number == 0x1F) {
        // High tag number form: base-128, minimal, at most 28 bits, and only for numbers >= 31.
        std::uint32_t number = 0;
        for (int count = 0;; ++count) {
            if (pos >= data.size())
                throw DerError("truncated tag");
            const std::uint8_t b = data[pos++];
            if (count == 0 && b == 0x80)
                throw DerError("non-minimal tag encoding");
            if (count == 4)
                throw DerError("tag number too large");
            number = (number << 7) | (b & 0x7Fu);
            if ((b & 0x80) == 0)
                break;
        }
        if (number < 0x1F)
            throw DerError("non-minimal tag encoding");
        tlv.number = number;
    }
    if (tlv.tag_class == TagClass::universal && tlv.number == 0)
        throw DerError("unexpected end-of-contents marker");

    if (pos >= data.size())
        throw DerError("truncated length");
    const std::uint8_t first = data[pos++];
    std::size_t length = 0;
    if (first < 0x80) {
        length = first;
    } else if (first == 0x80) {
        throw DerError("indefinite length (BER, not DER)");
    } else {
        const std::size_t octets = first & 0x7Fu;
        if (octets > 4)
            throw DerError("length too large");
        if (pos + octets > data.size())
            throw DerError("truncated length");
        if (data[pos] == 0)
            throw DerError("non-minimal length encoding");
        for (std::size_t i = 0; i < octets; ++i)
            length = (length << 8) | data[pos++];
        if (length < 0x80)
            throw DerError("non-minimal length encoding");
    }
    if (length > data.size() - pos)
        throw DerError("truncated element (" + tag_text(tlv) + ")");
    tlv.encoding = data.first(pos + length);
    tlv.content = data.subspan(pos, length);
    return tlv;
}

void check_tree(ByteView data, int depth) {
    if (depth > max_depth)
        throw DerError("nesting too deep");
    while (!data.empty()) {
        const Tlv tlv = parse_element(data);
        check_universal_form(tlv);
        check_primitive_content(tlv);
        if (tlv.constructed)
            check_tree(tlv.content, depth + 1);
        data = data.subspan(tlv.encoding.size());
    }
}

}  // namespace

Tlv DerReader::read() {
    const Tlv tlv = parse_element(rest_);
    rest_ = rest_.subspan(tlv.encoding.size());
    return tlv;
}

Tlv DerReader::read(TagClass tag_class, std::uint32_t number, bool constructed, const char* what) {
    if (rest_.empty())
        throw DerError(std::string("missing ") + what);
    const Tlv tlv = parse_element(rest_);
    if (!tlv.is(tag_class, number, constructed))
        throw DerError(std::string("unexpected ") + tag_text(tlv) + " for " + what);
    rest_ = rest_.subspan(tlv.encoding.size());
    return tlv;
}

std::optional<Tlv> DerReader::read_optional(TagClass tag_class, std::uint32_t number,
                                            bool constructed) {
    if (rest_.empty())
        return std::nullopt;
    const Tlv tlv = parse_element(rest_);
    if (!tlv.is(tag_class, number, constructed))
        return std::nullopt;
    rest_ = rest_.subspan(tlv.encoding.size());
    return tlv;
}

void DerReader::expect_end(const char* what) const {
    if (!rest_.empty()) {
        const Tlv extra = parse_element(rest_);
        throw DerError(std::string("unexpected ") + tag_text(extra) + " at the end of " + what);
    }
}

Tlv read_single(ByteView data, const char* what) {
    const Tlv tlv = parse_element(data);
    if (tlv.encoding.size() != data.size())
        throw DerError(std::string("trailing bytes after ") + what);
    return tlv;
}

void check_der_tree(ByteView data) {
    check_tree(data, 0);
}

}  // namespace dpslint::der
