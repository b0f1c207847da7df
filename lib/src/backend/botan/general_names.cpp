#include "backend/botan/general_names.hpp"

#include <string>
#include <utility>

#include "backend/botan/der_values.hpp"
#include "backend/botan/names.hpp"
#include "x509/ip_text.hpp"

namespace dpslint::botan {

namespace {

GeneralName text_name(GeneralNameType type, const Tlv& tlv) {
    if (tlv.constructed)
        throw DerError("constructed string in GeneralName");
    GeneralName out;
    out.type = type;
    out.value.assign(tlv.content.begin(), tlv.content.end());
    return out;
}

GeneralName other_name(std::string value) {
    GeneralName out;
    out.type = GeneralNameType::other;
    out.value = std::move(value);
    return out;
}

// DirectoryString ::= CHOICE { teletexString, printableString, universalString, utf8String,
// bmpString }, one element inside an EXPLICIT tag.
void check_directory_string(const Tlv& wrapper) {
    DerReader reader(wrapper.content);
    const Tlv value = reader.read();
    reader.expect_end("DirectoryString");
    if (!value.is_universal(tag::teletex_string) && !value.is_universal(tag::printable_string)
        && !value.is_universal(tag::universal_string) && !value.is_universal(tag::utf8_string)
        && !value.is_universal(tag::bmp_string)) {
        throw DerError("expected DirectoryString");
    }
    // Its characters are not checked (OpenSSL does not either); sizes were, by check_der_tree.
}

// EDIPartyName ::= SEQUENCE { nameAssigner [0] DirectoryString OPTIONAL,
//                             partyName [1] DirectoryString } (IMPLICIT [5], so no SEQUENCE tag)
void check_edi_party_name(const Tlv& tlv) {
    if (!tlv.constructed)
        throw DerError("primitive ediPartyName");
    DerReader reader(tlv.content);
    if (auto assigner = reader.read_optional(TagClass::context, 0, true))
        check_directory_string(*assigner);
    check_directory_string(reader.read(TagClass::context, 1, true, "partyName"));
    reader.expect_end("ediPartyName");
}

}  // namespace

GeneralName decode_general_name(const Tlv& tlv, IpForm ip_form) {
    if (tlv.tag_class != TagClass::context)
        throw DerError("GeneralName is not context-tagged");
    switch (tlv.number) {
        case 0: {  // otherName: SEQUENCE { type-id OID, value [0] EXPLICIT ANY }
            if (!tlv.constructed)
                throw DerError("primitive otherName");
            DerReader reader(tlv.content);
            std::string type_id = read_oid(reader.read(), "otherName type-id");
            // The value (ANY) must be exactly one element; its content is not looked into.
            read_single(reader.read(TagClass::context, 0, true, "otherName value").content,
                        "otherName value");
            reader.expect_end("otherName");
            return other_name(std::move(type_id));
        }
        case 1:
            return text_name(GeneralNameType::email, tlv);
        case 2:
            return text_name(GeneralNameType::dns, tlv);
        case 3:  // x400Address: IMPLICIT ORAddress, a SEQUENCE; its content is not read
            if (!tlv.constructed)
                throw DerError("primitive x400Address");
            return other_name("tag:3");
        case 5:
            check_edi_party_name(tlv);
            return other_name("tag:5");
        case 4: {  // directoryName: [4] EXPLICIT Name
            if (!tlv.constructed)
                throw DerError("primitive directoryName");
            DerReader reader(tlv.content);
            DistinguishedName dn = decode_name(reader.read_sequence("directoryName"));
            reader.expect_end("directoryName");
            GeneralName out;
            out.type = GeneralNameType::directory;
            out.value = dn.text();
            out.directory = std::move(dn);
            return out;
        }
        case 6:
            return text_name(GeneralNameType::uri, tlv);
        case 7: {
            if (tlv.constructed)
                throw DerError("constructed iPAddress");
            auto text = ip_form == IpForm::subnet    ? detail::format_ip_subnet(tlv.content)
                        : ip_form == IpForm::address ? detail::format_ip_address(tlv.content)
                                                     : std::optional<std::string>(std::string());
            if (!text)
                throw DerError("invalid iPAddress");
            GeneralName out;
            out.type = GeneralNameType::ip;
            out.value = std::move(*text);
            return out;
        }
        case 8:
            if (tlv.constructed)
                throw DerError("constructed registeredID");
            return other_name(oid_text(tlv.content));
        default:
            throw DerError("unknown GeneralName tag [" + std::to_string(tlv.number) + "]");
    }
}

std::vector<GeneralName> decode_general_names(const Tlv& sequence, IpForm ip_form) {
    if (!sequence.is_sequence())
        throw DerError("expected GeneralNames");
    std::vector<GeneralName> out;
    DerReader reader(sequence.content);
    while (!reader.at_end())
        out.push_back(decode_general_name(reader.read(), ip_form));
    return out;
}

}  // namespace dpslint::botan
