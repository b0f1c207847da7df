#include "backend/openssl/crl_extensions.hpp"

#include <set>
#include <string>

#include <openssl/x509v3.h>

#include "dpslint/backend.hpp"

#include "backend/openssl/extension_value.hpp"
#include "backend/openssl/extensions.hpp"
#include "backend/openssl/names.hpp"

namespace dpslint::openssl {

namespace {

[[noreturn]] void malformed(const char* name) {
    throw ParseError(std::string("malformed ") + name + " extension");
}

// Every extension of `list` as (oid, critical); a repeated OID throws with `what` as context.
std::vector<ExtensionInfo> list_extensions(const STACK_OF(X509_EXTENSION) * list,
                                           const char* what) {
    std::vector<ExtensionInfo> out;
    std::set<std::string> seen;
    for (int i = 0; i < sk_X509_EXTENSION_num(list); ++i) {
        X509_EXTENSION* extension = sk_X509_EXTENSION_value(list, i);
        std::string oid = oid_text(X509_EXTENSION_get_object(extension));
        if (!seen.insert(oid).second)
            throw ParseError(std::string("malformed ") + what + ": duplicate extension " + oid);
        out.push_back(ExtensionInfo{std::move(oid), X509_EXTENSION_get_critical(extension) > 0});
    }
    return out;
}

std::string non_negative_hex(X509_EXTENSION* extension, const char* name) {
    const auto value = decode<ASN1_INTEGER>(extension, ASN1_ITEM_rptr(ASN1_INTEGER));
    if (!value || ASN1_STRING_type(value.get()) == V_ASN1_NEG_INTEGER)
        malformed(name);
    return integer_magnitude_hex(value.get());
}

IssuingDistributionPoint issuing_distribution_point(X509_EXTENSION* extension, bool critical) {
    const auto idp = decode<ISSUING_DIST_POINT>(extension, ASN1_ITEM_rptr(ISSUING_DIST_POINT));
    if (!idp)
        malformed("issuingDistributionPoint");
    IssuingDistributionPoint out;
    out.critical = critical;
    if (idp->distpoint != nullptr) {
        auto name = convert_distribution_point_name(idp->distpoint);
        if (!name)
            malformed("issuingDistributionPoint");
        out.name = std::move(*name);
    }
    out.only_user_certs = idp->onlyuser > 0;
    out.only_ca_certs = idp->onlyCA > 0;
    if (idp->onlysomereasons != nullptr)
        out.only_some_reasons = reason_flags(idp->onlysomereasons);
    out.indirect_crl = idp->indirectCRL > 0;
    out.only_attribute_certs = idp->onlyattr > 0;
    return out;
}

}  // namespace

void decode_crl_extensions(const STACK_OF(X509_EXTENSION) * list, CrlFields& fields) {
    fields.extensions = list_extensions(list, "crlExtensions");
    for (int i = 0; i < sk_X509_EXTENSION_num(list); ++i) {
        X509_EXTENSION* extension = sk_X509_EXTENSION_value(list, i);
        const ExtensionInfo& info = fields.extensions[static_cast<std::size_t>(i)];
        if (info.oid == oid_crl_number) {
            fields.crl_number = non_negative_hex(extension, "cRLNumber");
        } else if (info.oid == oid_delta_crl_indicator) {
            fields.delta_crl_base = non_negative_hex(extension, "deltaCRLIndicator");
        } else if (info.oid == oid_issuing_distribution_point) {
            fields.issuing_distribution_point =
                issuing_distribution_point(extension, info.critical);
        } else if (info.oid == oid_authority_key_identifier) {
            fields.authority_key_identifier =
                decode_authority_key_identifier(extension, info.critical);
        }
    }
}

void decode_crl_entry_extensions(const STACK_OF(X509_EXTENSION) * list, CrlEntry& entry) {
    entry.extensions = list_extensions(list, "crlEntryExtensions");
    for (int i = 0; i < sk_X509_EXTENSION_num(list); ++i) {
        X509_EXTENSION* extension = sk_X509_EXTENSION_value(list, i);
        const std::string& oid = entry.extensions[static_cast<std::size_t>(i)].oid;
        if (oid == oid_crl_reason) {
            const auto code = decode<ASN1_ENUMERATED>(extension, ASN1_ITEM_rptr(ASN1_ENUMERATED));
            if (!code)
                malformed("reasonCode");
            entry.reason = revocation_reason_from_code(ASN1_ENUMERATED_get(code.get()));
            ERR_clear_error();
            if (!entry.reason)
                malformed("reasonCode");
        } else if (oid == oid_certificate_issuer) {
            const auto names = decode<GENERAL_NAMES>(extension, ASN1_ITEM_rptr(GENERAL_NAMES));
            if (!names)
                malformed("certificateIssuer");
            entry.certificate_issuer = convert_general_names(names.get());
            if (!entry.certificate_issuer)
                malformed("certificateIssuer");
        }
    }
}

}  // namespace dpslint::openssl
