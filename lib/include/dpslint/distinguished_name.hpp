#pragma once

#include <string>
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

// Well-known attribute type short names used by RFC 4514 text (CN, O, OU, C, L, ST, ...).
std::string attribute_short_name(const std::string& oid);

}  // namespace dpslint
