#include "backend/openssl/extensions.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <openssl/asn1t.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "dpslint/backend.hpp"

#include "backend/openssl/der.hpp"
#include "backend/openssl/extension_value.hpp"
#include "backend/openssl/names.hpp"
#include "backend/openssl/ossl.hpp"
#include "x509/extension_checks.hpp"

namespace dpslint::openssl {

namespace {

// The elements of a constructed value, or nothing when they do not split cleanly.
std::optional<std::vector<Tlv>> elements(ByteView content) {
    std::vector<Tlv> out;
    while (!content.empty()) {
        const TlvResult element = read_tlv(content);
        if (!element.tlv)
            return std::nullopt;
        out.push_back(*element.tlv);
        content = content.subspan(element.tlv->size);
    }
    return out;
}

// IMPLICIT tags take the form of the type they replace, which OpenSSL's decoder does not insist
// on (it takes a BER constructed IA5String, or a primitive [0] where NameConstraints has a
// SEQUENCE OF); the Botan backend refuses those, so these checks refuse them here too. A
// GeneralName is constructed exactly for otherName [0], x400Address [3], directoryName [4] and
// ediPartyName [5].
bool general_name_form_ok(const Tlv& name) {
    if (name.tag_class != 2 || name.number > 8)
        return true;  // the decoder refuses it
    const bool constructed =
        name.number == 0 || name.number == 3 || name.number == 4 || name.number == 5;
    return name.constructed == constructed;
}

bool general_names_forms_ok(ByteView content) {
    const auto names = elements(content);
    return names && std::all_of(names->begin(), names->end(), general_name_form_ok);
}

// The single SEQUENCE of an extension value, split into its elements.
std::optional<std::vector<Tlv>> sequence_elements(ByteView der) {
    const TlvResult outer = read_tlv(der);
    if (!outer.tlv || outer.tlv->size != der.size())
        return std::nullopt;
    return elements(outer.tlv->content);
}

// The forms of the IMPLICIT tags inside subjectAltName, authorityKeyIdentifier and
// nameConstraints (the extensions dpslint decodes that have any).
bool implicit_forms_ok(const std::string& oid, ByteView der) {
    const auto fields = sequence_elements(der);
    if (!fields)
        return true;  // the decoder refuses it
    if (oid == oid_subject_alt_name)
        return std::all_of(fields->begin(), fields->end(), general_name_form_ok);
    if (oid == oid_authority_key_identifier) {
        // [0] keyIdentifier OCTET STRING, [1] GeneralNames, [2] serial INTEGER
        return std::all_of(fields->begin(), fields->end(), [](const Tlv& f) {
            if (f.tag_class != 2)
                return true;
            if (f.number == 1)
                return f.constructed && general_names_forms_ok(f.content);
            return !f.constructed;
        });
    }
    if (oid == oid_name_constraints) {
        // [0]/[1] GeneralSubtrees, each SEQUENCE { GeneralName, [0] INTEGER, [1] INTEGER }
        return std::all_of(fields->begin(), fields->end(), [](const Tlv& list) {
            if (list.tag_class != 2)
                return true;
            const auto subtrees = elements(list.content);
            return list.constructed && subtrees
                   && std::all_of(subtrees->begin(), subtrees->end(), [](const Tlv& subtree) {
                          const auto parts = elements(subtree.content);
                          if (!parts || parts->empty())
                              return true;
                          return general_name_form_ok(parts->front())
                                 && std::all_of(parts->begin() + 1, parts->end(),
                                                [](const Tlv& p) { return !p.constructed; });
                      });
        });
    }
    return true;
}

[[noreturn]] void malformed(const char* name) {
    throw ParseError(std::string("malformed ") + name + " extension");
}

BasicConstraints basic_constraints(X509_EXTENSION* extension, bool critical) {
    const auto bc = decode<BASIC_CONSTRAINTS>(extension, ASN1_ITEM_rptr(BASIC_CONSTRAINTS));
    if (!bc)
        malformed("basicConstraints");
    BasicConstraints out;
    out.critical = critical;
    out.ca = bc->ca != 0;
    if (bc->pathlen != nullptr) {
        std::int64_t value = 0;
        if (ASN1_INTEGER_get_int64(&value, bc->pathlen) != 1 || value < 0 || value > INT_MAX) {
            ERR_clear_error();
            malformed("basicConstraints");
        }
        out.path_len = static_cast<int>(value);
    }
    return out;
}

KeyUsage key_usage(X509_EXTENSION* extension, bool critical) {
    const auto bits = decode<ASN1_BIT_STRING>(extension, ASN1_ITEM_rptr(ASN1_BIT_STRING));
    if (!bits)
        malformed("keyUsage");
    KeyUsage out;
    out.critical = critical;
    // DER bit n (0 = digitalSignature ... 8 = decipherOnly) is KeyUsageBit 1 << n.
    for (int n = 0; n <= 8; ++n) {
        if (ASN1_BIT_STRING_get_bit(bits.get(), n) != 0) {
            out.bits = static_cast<std::uint16_t>(out.bits | (1u << n));
        }
    }
    return out;
}

ExtendedKeyUsage extended_key_usage(X509_EXTENSION* extension, bool critical) {
    const auto eku = decode<EXTENDED_KEY_USAGE>(extension, ASN1_ITEM_rptr(EXTENDED_KEY_USAGE));
    if (!eku)
        malformed("extendedKeyUsage");
    ExtendedKeyUsage out;
    out.critical = critical;
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
        out.oids.push_back(oid_text(sk_ASN1_OBJECT_value(eku.get(), i)));
    }
    return out;
}

SubjectKeyIdentifier subject_key_identifier(X509_EXTENSION* extension, bool critical) {
    const auto id = decode<ASN1_OCTET_STRING>(extension, ASN1_ITEM_rptr(ASN1_OCTET_STRING));
    if (!id)
        malformed("subjectKeyIdentifier");
    return SubjectKeyIdentifier{critical, to_hex_upper(string_bytes(id.get()))};
}

AuthorityKeyIdentifier authority_key_identifier(X509_EXTENSION* extension, bool critical) {
    const auto aki = decode<AUTHORITY_KEYID>(extension, ASN1_ITEM_rptr(AUTHORITY_KEYID));
    if (!aki)
        malformed("authorityKeyIdentifier");
    AuthorityKeyIdentifier out;
    out.critical = critical;
    if (aki->keyid != nullptr)
        out.key_id = to_hex_upper(string_bytes(aki->keyid));
    if (aki->serial != nullptr)
        out.issuer_serial = integer_magnitude_hex(aki->serial);
    return out;
}

SubjectAltName subject_alt_name(X509_EXTENSION* extension, bool critical) {
    const auto names = decode<GENERAL_NAMES>(extension, ASN1_ITEM_rptr(GENERAL_NAMES));
    if (!names)
        malformed("subjectAltName");
    SubjectAltName out;
    out.critical = critical;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        auto name = convert_general_name(sk_GENERAL_NAME_value(names.get(), i), IpForm::address);
        if (!name)
            malformed("subjectAltName");
        out.names.push_back(std::move(*name));
    }
    return out;
}

std::vector<GeneralName> subtrees(const STACK_OF(GENERAL_SUBTREE) * list) {
    std::vector<GeneralName> out;
    if (list != nullptr && sk_GENERAL_SUBTREE_num(list) == 0)
        malformed("nameConstraints");  // GeneralSubtrees is SIZE (1..MAX)
    for (int i = 0; i < sk_GENERAL_SUBTREE_num(list); ++i) {
        auto name = convert_general_name(sk_GENERAL_SUBTREE_value(list, i)->base, IpForm::subnet);
        if (!name)
            malformed("nameConstraints");
        out.push_back(std::move(*name));
    }
    return out;
}

NameConstraints name_constraints(X509_EXTENSION* extension, bool critical) {
    const auto nc = decode<NAME_CONSTRAINTS>(extension, ASN1_ITEM_rptr(NAME_CONSTRAINTS));
    if (!nc)
        malformed("nameConstraints");
    NameConstraints out;
    out.critical = critical;
    out.permitted = subtrees(nc->permittedSubtrees);
    out.excluded = subtrees(nc->excludedSubtrees);
    return out;
}

CertificatePolicies certificate_policies(X509_EXTENSION* extension, bool critical) {
    const auto policies =
        decode<CERTIFICATEPOLICIES>(extension, ASN1_ITEM_rptr(CERTIFICATEPOLICIES));
    if (!policies)
        malformed("certificatePolicies");
    CertificatePolicies out;
    out.critical = critical;
    for (int i = 0; i < sk_POLICYINFO_num(policies.get()); ++i) {
        out.oids.push_back(oid_text(sk_POLICYINFO_value(policies.get(), i)->policyid));
    }
    return out;
}

PolicyMappings policy_mappings(X509_EXTENSION* extension, bool critical) {
    const auto mappings = decode<POLICY_MAPPINGS>(extension, ASN1_ITEM_rptr(POLICY_MAPPINGS));
    if (!mappings)
        malformed("policyMappings");
    PolicyMappings out;
    out.critical = critical;
    for (int i = 0; i < sk_POLICY_MAPPING_num(mappings.get()); ++i) {
        const POLICY_MAPPING* mapping = sk_POLICY_MAPPING_value(mappings.get(), i);
        out.mappings.push_back(PolicyMapping{oid_text(mapping->issuerDomainPolicy),
                                             oid_text(mapping->subjectDomainPolicy)});
    }
    return out;
}

// SkipCerts ::= INTEGER (0..MAX); values above INT_MAX are INT_MAX.
int skip_certs(const ASN1_INTEGER* value, const char* name) {
    if (ASN1_STRING_type(value) == V_ASN1_NEG_INTEGER)
        malformed(name);
    std::uint64_t n = 0;
    if (ASN1_INTEGER_get_uint64(&n, value) != 1) {
        ERR_clear_error();
        return INT_MAX;  // more than 64 bits
    }
    return n > static_cast<std::uint64_t>(INT_MAX) ? INT_MAX : static_cast<int>(n);
}

PolicyConstraints policy_constraints(X509_EXTENSION* extension, bool critical) {
    const auto pc = decode<POLICY_CONSTRAINTS>(extension, ASN1_ITEM_rptr(POLICY_CONSTRAINTS));
    if (!pc)
        malformed("policyConstraints");
    PolicyConstraints out;
    out.critical = critical;
    if (pc->requireExplicitPolicy != nullptr)
        out.require_explicit_policy = skip_certs(pc->requireExplicitPolicy, "policyConstraints");
    if (pc->inhibitPolicyMapping != nullptr)
        out.inhibit_policy_mapping = skip_certs(pc->inhibitPolicyMapping, "policyConstraints");
    return out;
}

InhibitAnyPolicy inhibit_any_policy(X509_EXTENSION* extension, bool critical) {
    const auto value = decode<ASN1_INTEGER>(extension, ASN1_ITEM_rptr(ASN1_INTEGER));
    if (!value)
        malformed("inhibitAnyPolicy");
    return InhibitAnyPolicy{critical, skip_certs(value.get(), "inhibitAnyPolicy")};
}

CrlDistributionPoints crl_distribution_points(X509_EXTENSION* extension, bool critical) {
    const auto points = decode<CRL_DIST_POINTS>(extension, ASN1_ITEM_rptr(CRL_DIST_POINTS));
    if (!points)
        malformed("cRLDistributionPoints");
    CrlDistributionPoints out;
    out.critical = critical;
    for (int i = 0; i < sk_DIST_POINT_num(points.get()); ++i) {
        auto point = convert_distribution_point(sk_DIST_POINT_value(points.get(), i));
        if (!point)
            malformed("cRLDistributionPoints");
        out.points.push_back(std::move(*point));
    }
    return out;
}

// Decodes one recognised extension into `out`; a value that does not decode becomes a problem.
void decode_typed(const std::string& oid, X509_EXTENSION* extension, bool critical,
                  Extensions& out) {
    try {
        if (oid == oid_basic_constraints) {
            out.basic_constraints = basic_constraints(extension, critical);
        } else if (oid == oid_key_usage) {
            out.key_usage = key_usage(extension, critical);
        } else if (oid == oid_extended_key_usage) {
            out.extended_key_usage = extended_key_usage(extension, critical);
        } else if (oid == oid_subject_key_identifier) {
            out.subject_key_identifier = subject_key_identifier(extension, critical);
        } else if (oid == oid_authority_key_identifier) {
            out.authority_key_identifier = authority_key_identifier(extension, critical);
        } else if (oid == oid_subject_alt_name) {
            out.subject_alt_name = subject_alt_name(extension, critical);
        } else if (oid == oid_name_constraints) {
            out.name_constraints = name_constraints(extension, critical);
        } else if (oid == oid_certificate_policies) {
            out.certificate_policies = certificate_policies(extension, critical);
        } else if (oid == oid_policy_mappings) {
            out.policy_mappings = policy_mappings(extension, critical);
        } else if (oid == oid_policy_constraints) {
            out.policy_constraints = policy_constraints(extension, critical);
        } else if (oid == oid_inhibit_any_policy) {
            out.inhibit_any_policy = inhibit_any_policy(extension, critical);
        } else if (oid == oid_crl_distribution_points) {
            out.crl_distribution_points = crl_distribution_points(extension, critical);
        }
    } catch (const ParseError&) {
        out.problems.push_back(ExtensionProblem{oid, ExtensionProblemKind::malformed, {}});
    }
}

}  // namespace

AuthorityKeyIdentifier decode_authority_key_identifier(X509_EXTENSION* extension, bool critical) {
    return authority_key_identifier(extension, critical);
}

Extensions decode_extensions(const STACK_OF(X509_EXTENSION) * list) {
    Extensions out;
    std::set<std::string> seen;
    const int count = list == nullptr ? 0 : sk_X509_EXTENSION_num(list);
    for (int i = 0; i < count; ++i) {
        X509_EXTENSION* extension = sk_X509_EXTENSION_value(list, i);
        std::string oid = oid_text(X509_EXTENSION_get_object(extension));
        const bool critical = X509_EXTENSION_get_critical(extension) > 0;
        if (!seen.insert(oid).second) {
            out.problems.push_back(ExtensionProblem{oid, ExtensionProblemKind::duplicate, {}});
        } else if (!implicit_forms_ok(oid, string_bytes(X509_EXTENSION_get_data(extension)))) {
            out.problems.push_back(ExtensionProblem{oid, ExtensionProblemKind::malformed, {}});
        } else {
            decode_typed(oid, extension, critical, out);
        }

        ExtensionInfo info{std::move(oid), critical};
        if (!is_recognized_extension(info.oid))
            out.unrecognized.push_back(info);
        out.all.push_back(std::move(info));
    }
    detail::add_value_problems(out);
    return out;
}

}  // namespace dpslint::openssl
