#include "backend/botan/names.hpp"

#include <utility>
#include <vector>

#include "backend/botan/der_values.hpp"
#include "backend/botan/string_text.hpp"

namespace dpslint::botan {

namespace {

// Attribute values OpenSSL's X509_NAME accepts (its ASN1_PRINTABLE set) besides the text types:
// BIT STRING, SEQUENCE and the universal tags it has no string type for. It rejects the whole
// certificate for any other value (VisibleString, INTEGER, OCTET STRING, context tags, ...), and
// so does this backend, so that both parse exactly the same certificates.
bool is_opaque_value(const Tlv& value) {
    if (value.tag_class != TagClass::universal)
        return false;
    switch (value.number) {
        case tag::sequence:
        case 7:   // ObjectDescriptor
        case 8:   // EXTERNAL
        case 9:   // REAL
        case 11:  // EMBEDDED PDV
        case 13:  // RELATIVE-OID
        case 14:
        case 15:
        case 29:  // CHARACTER STRING
            return true;
        default:
            return false;
    }
}

AttributeTypeAndValue decode_attribute(const Tlv& attribute) {
    if (!attribute.is_sequence())
        throw DerError("expected AttributeTypeAndValue");
    DerReader reader(attribute.content);
    AttributeTypeAndValue out;
    out.oid = read_oid(reader.read(), "attribute type");
    const Tlv value = reader.read();
    reader.expect_end("AttributeTypeAndValue");
    if (value.is_universal(tag::visible_string))
        throw DerError("VisibleString attribute value");
    if (auto text = string_text(value)) {
        out.value = std::move(*text);
    } else if (value.is_universal(tag::bit_string)) {
        // OpenSSL decodes it (unused-bits count at most 7) and prints its re-encoding.
        out.is_string = false;
        out.value = "#" + to_hex_upper(encode_bit_string(read_bit_string(value, "attribute")));
    } else if (is_opaque_value(value)) {
        out.is_string = false;
        out.value = "#" + to_hex_upper(value.encoding);
    } else {
        throw DerError("unsupported attribute value type");
    }
    return out;
}

}  // namespace

DistinguishedName decode_name(const Tlv& name) {
    if (!name.is_sequence())
        throw DerError("expected Name");
    std::vector<DistinguishedName::Rdn> rdns;
    DerReader reader(name.content);
    while (!reader.at_end()) {
        const Tlv set =
            reader.read(TagClass::universal, tag::set, true, "RelativeDistinguishedName");
        rdns.push_back(decode_rdn_content(set.content));
    }
    return DistinguishedName(std::move(rdns));
}

DistinguishedName::Rdn decode_rdn_content(ByteView content) {
    DistinguishedName::Rdn rdn;
    DerReader attributes(content);
    while (!attributes.at_end())
        rdn.push_back(decode_attribute(attributes.read()));
    if (rdn.empty())
        throw DerError("empty RelativeDistinguishedName");
    return rdn;
}

}  // namespace dpslint::botan
