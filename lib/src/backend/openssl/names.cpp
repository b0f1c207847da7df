#include "backend/openssl/names.hpp"

#include <string>
#include <utility>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/err.h>

#include "backend/openssl/der.hpp"
#include "backend/openssl/ossl.hpp"
#include "x509/ip_text.hpp"

namespace dpslint::openssl {

namespace {

bool is_string_type(int type) {
    switch (type) {
        case V_ASN1_UTF8STRING:
        case V_ASN1_PRINTABLESTRING:
        case V_ASN1_IA5STRING:
        case V_ASN1_T61STRING:
        case V_ASN1_BMPSTRING:
        case V_ASN1_UNIVERSALSTRING:
        case V_ASN1_NUMERICSTRING:
        case V_ASN1_VISIBLESTRING:
            return true;
        default:
            return false;
    }
}

AttributeTypeAndValue convert_entry(const X509_NAME_ENTRY* entry) {
    AttributeTypeAndValue ava;
    ava.oid = oid_text(X509_NAME_ENTRY_get_object(entry));
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(entry);
    const int type = ASN1_STRING_type(data);
    if (is_string_type(type)) {
        unsigned char* utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, data);
        if (length >= 0) {
            ava.value.assign(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
            OPENSSL_free(utf8);
            return ava;
        }
        ERR_clear_error();  // undecodable text (odd-length BMPString, ...): shown as DER
    }
    ava.is_string = false;
    ava.value = "#" + value_der_hex(data);
    return ava;
}

// Looks at the encoding OpenSSL kept from decoding: Name ::= SEQUENCE OF SET SIZE (1..MAX).
bool has_empty_rdn(const X509_NAME* name) {
    const unsigned char* der = nullptr;
    std::size_t length = 0;
    if (X509_NAME_get0_der(name, &der, &length) != 1) {
        ERR_clear_error();
        return false;
    }
    const TlvResult outer = read_tlv(ByteView{der, length});
    if (!outer.tlv)
        return false;
    ByteView rest = outer.tlv->content;
    while (!rest.empty()) {
        const TlvResult rdn = read_tlv(rest);
        if (!rdn.tlv)
            return false;
        if (rdn.tlv->content.empty())
            return true;
        rest = rest.subspan(rdn.tlv->size);
    }
    return false;
}

}  // namespace

std::optional<DistinguishedName> convert_name(const X509_NAME* name) {
    std::vector<DistinguishedName::Rdn> rdns;
    if (name == nullptr)
        return DistinguishedName(std::move(rdns));
    if (has_empty_rdn(name))
        return std::nullopt;
    int current_set = -1;
    const int count = X509_NAME_entry_count(name);
    for (int i = 0; i < count; ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        const int set = X509_NAME_ENTRY_set(entry);
        if (rdns.empty() || set != current_set)
            rdns.emplace_back();
        current_set = set;
        rdns.back().push_back(convert_entry(entry));
    }
    return DistinguishedName(std::move(rdns));
}

std::optional<GeneralName> convert_general_name(const GENERAL_NAME* name, IpForm ip_form) {
    GeneralName out;
    int type = 0;
    const void* value = GENERAL_NAME_get0_value(name, &type);
    switch (type) {
        case GEN_DNS:
        case GEN_EMAIL:
        case GEN_URI: {
            const ByteView text = string_bytes(static_cast<const ASN1_IA5STRING*>(value));
            out.type = type == GEN_DNS     ? GeneralNameType::dns
                       : type == GEN_EMAIL ? GeneralNameType::email
                                           : GeneralNameType::uri;
            out.value.assign(reinterpret_cast<const char*>(text.data()), text.size());
            return out;
        }
        case GEN_IPADD: {
            const ByteView octets = string_bytes(static_cast<const ASN1_OCTET_STRING*>(value));
            auto text = ip_form == IpForm::subnet ? detail::format_ip_subnet(octets)
                                                  : detail::format_ip_address(octets);
            if (!text)
                return std::nullopt;
            out.type = GeneralNameType::ip;
            out.value = std::move(*text);
            return out;
        }
        case GEN_DIRNAME: {
            auto dn = convert_name(static_cast<const X509_NAME*>(value));
            if (!dn)
                return std::nullopt;
            out.type = GeneralNameType::directory;
            out.value = dn->text();
            out.directory = std::move(*dn);
            return out;
        }
        case GEN_OTHERNAME: {
            const auto* other = static_cast<const OTHERNAME*>(value);
            out.value = oid_text(other->type_id);
            return out;
        }
        case GEN_RID:
            out.value = oid_text(static_cast<const ASN1_OBJECT*>(value));
            return out;
        default:  // x400Address [3], ediPartyName [5]
            out.value = "tag:" + std::to_string(type);
            return out;
    }
}

std::optional<std::vector<GeneralName>> convert_general_names(const GENERAL_NAMES* names) {
    std::vector<GeneralName> out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        auto name = convert_general_name(sk_GENERAL_NAME_value(names, i), IpForm::address);
        if (!name)
            return std::nullopt;
        out.push_back(std::move(*name));
    }
    if (out.empty())
        return std::nullopt;
    return out;
}

std::optional<DistributionPointName> convert_distribution_point_name(const DIST_POINT_NAME* name) {
    DistributionPointName out;
    if (name->type == 0) {
        auto full = convert_general_names(name->name.fullname);
        if (!full)
            return std::nullopt;
        out.full_name = std::move(*full);
        return out;
    }
    DistinguishedName::Rdn rdn;
    const STACK_OF(X509_NAME_ENTRY)* entries = name->name.relativename;
    for (int i = 0; i < sk_X509_NAME_ENTRY_num(entries); ++i)
        rdn.push_back(convert_entry(sk_X509_NAME_ENTRY_value(entries, i)));
    if (rdn.empty())
        return std::nullopt;
    out.relative_name = std::move(rdn);
    return out;
}

std::optional<DistributionPoint> convert_distribution_point(const DIST_POINT* point) {
    DistributionPoint out;
    if (point->distpoint != nullptr) {
        auto name = convert_distribution_point_name(point->distpoint);
        if (!name)
            return std::nullopt;
        out.name = std::move(*name);
    }
    if (point->reasons != nullptr)
        out.reasons = reason_flags(point->reasons);
    if (point->CRLissuer != nullptr) {
        auto issuer = convert_general_names(point->CRLissuer);
        if (!issuer)
            return std::nullopt;
        out.crl_issuer = std::move(*issuer);
    }
    return out;
}

std::uint16_t reason_flags(const ASN1_BIT_STRING* bits) {
    std::uint16_t out = 0;
    for (int n = 0; n <= 8; ++n) {
        if (ASN1_BIT_STRING_get_bit(bits, n) != 0)
            out = static_cast<std::uint16_t>(out | (1u << n));
    }
    return out;
}

}  // namespace dpslint::openssl
