#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dpslint {

// One attribute of a relative distinguished name, as the backend decoded it.
struct AttributeTypeAndValue {
    std::string oid;         // dotted, "2.5.4.3"
    std::string short_name;  // RFC 4514 key where one exists ("CN", "O", ...), else empty
    std::string value;       // UTF-8 text of the string value
    bool is_string = true;   // false: value holds "#<hex of DER>" (RFC 4514 §2.4)

    friend bool operator==(const AttributeTypeAndValue&, const AttributeTypeAndValue&) = default;
};

// An X.501 Name. RDNs are kept in encoding order (most significant first, e.g. C before CN);
// RFC 4514 text reverses that order.
class DistinguishedName {
public:
    using Rdn = std::vector<AttributeTypeAndValue>;

    DistinguishedName() = default;
    explicit DistinguishedName(std::vector<Rdn> rdns);

    const std::vector<Rdn>& rdns() const noexcept { return rdns_; }
    bool empty() const noexcept { return rdns_.empty(); }

    // RFC 4514 string: "CN=device-001,O=Contoso,C=US".
    const std::string& text() const noexcept { return text_; }

    // Key for name matching (RFC 5280 §7.1): case-folded, whitespace-collapsed text, so two
    // encodings of the same name compare equal.
    const std::string& canonical() const noexcept { return canonical_; }

    // Values of every commonName attribute (2.5.4.3), in encoding order.
    std::vector<std::string> common_names() const;

    // True when `other` is this name or lies below it (RFC 5280 §4.2.1.10 directoryName
    // subtree semantics: `base` is a prefix of this name's RDN sequence).
    bool within_subtree(const DistinguishedName& base) const;

    friend bool operator==(const DistinguishedName& a, const DistinguishedName& b) {
        return a.canonical_ == b.canonical_;
    }

private:
    std::vector<Rdn> rdns_;
    std::string text_;
    std::string canonical_;
};

// A subject as DPS and the az CLI export it as text (certificates.json "subject",
// X509CertificateInfo "subjectName" / "issuerName"): a bare CN value ("my-root-ca"), "CN=..."
// or a whole DN, RFC 4514 or the .NET form with ", " between RDNs ("CN=dev-1, O=Contoso, C=US").
// Returns the CN values it names, in order; empty when it names none.
std::vector<std::string> common_names_in_text(std::string_view exported);

// True when `exported` (as above) names `name`: equal to one of its CNs, bare or as "CN=...", or
// to its whole RFC 4514 text ignoring spaces after separators, case-insensitively.
bool exported_name_matches(std::string_view exported, const DistinguishedName& name);

// Well-known attribute type short names used by RFC 4514 text (CN, O, OU, C, L, ST, ...).
std::string attribute_short_name(const std::string& oid);

}  // namespace dpslint
