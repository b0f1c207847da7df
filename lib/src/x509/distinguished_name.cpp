#include "dpslint/distinguished_name.hpp"

#include <algorithm>
#include <map>

#include "dpslint/output_text.hpp"

namespace dpslint {

namespace {

// RFC 4514 §3 keys plus the names OpenSSL and Windows print for other common attributes; an
// attribute without a name is written with its dotted OID.
const std::map<std::string, std::string>& short_names() {
    static const std::map<std::string, std::string> names{
        {"2.5.4.3", "CN"},
        {"2.5.4.4", "SN"},
        {"2.5.4.5", "serialNumber"},
        {"2.5.4.6", "C"},
        {"2.5.4.7", "L"},
        {"2.5.4.8", "ST"},
        {"2.5.4.9", "STREET"},
        {"2.5.4.10", "O"},
        {"2.5.4.11", "OU"},
        {"2.5.4.12", "title"},
        {"2.5.4.15", "businessCategory"},
        {"2.5.4.17", "postalCode"},
        {"2.5.4.42", "GN"},
        {"2.5.4.43", "initials"},
        {"2.5.4.44", "generationQualifier"},
        {"2.5.4.46", "dnQualifier"},
        {"2.5.4.65", "pseudonym"},
        {"2.5.4.97", "organizationIdentifier"},
        {"0.9.2342.19200300.100.1.1", "UID"},
        {"0.9.2342.19200300.100.1.25", "DC"},
        {"1.2.840.113549.1.9.1", "emailAddress"},
    };
    return names;
}

// RFC 4514 §2.4: special characters get a backslash; bytes that are not well-formed UTF-8 and
// characters that would break a line or hide text (output_text.hpp) are written as \HH hex pairs
// of their UTF-8 bytes, which RFC 4514 allows for any character.
std::string escape_value(const std::string& value) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const Utf8Char u = next_utf8(value, i);
        if (!u.valid || is_unsafe_in_line(u.code_point)) {
            for (std::size_t k = 0; k < u.length; ++k) {
                const auto b = static_cast<unsigned char>(value[i + k]);
                out += '\\';
                out += hex[b >> 4];
                out += hex[b & 0x0F];
            }
            i += u.length;
            continue;
        }
        const char c = value[i];
        const bool edge_space = c == ' ' && (i == 0 || i + 1 == value.size());
        const bool leading_hash = c == '#' && i == 0;
        if (c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';'
            || c == '=' || edge_space || leading_hash) {
            out += '\\';
        }
        out.append(value, i, u.length);
        i += u.length;
    }
    return out;
}

std::string fold(const std::string& value) {
    // RFC 4518 in the small: ASCII case folding, leading/trailing whitespace removed, inner runs
    // of whitespace collapsed to one space.
    std::string out;
    bool pending_space = false;
    for (const char raw : value) {
        const auto c = static_cast<unsigned char>(raw);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    return out;
}

std::string canonical_rdn(const DistinguishedName::Rdn& rdn) {
    std::vector<std::string> parts;
    parts.reserve(rdn.size());
    for (const auto& ava : rdn) {
        parts.push_back(ava.oid + '=' + (ava.is_string ? fold(ava.value) : ava.value));
    }
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty())
            out += '+';
        out += p;
    }
    return out;
}

}  // namespace

std::string attribute_short_name(const std::string& oid) {
    const auto& names = short_names();
    const auto it = names.find(oid);
    return it == names.end() ? std::string{} : it->second;
}

DistinguishedName::DistinguishedName(std::vector<Rdn> rdns) : rdns_(std::move(rdns)) {
    for (auto& rdn : rdns_) {
        for (auto& ava : rdn)
            ava.short_name = attribute_short_name(ava.oid);
    }
    for (auto it = rdns_.rbegin(); it != rdns_.rend(); ++it) {
        if (!text_.empty())
            text_ += ',';
        bool first = true;
        for (const auto& ava : *it) {
            if (!first)
                text_ += '+';
            first = false;
            text_ += ava.short_name.empty() ? ava.oid : ava.short_name;
            text_ += '=';
            text_ += ava.is_string ? escape_value(ava.value) : ava.value;
        }
    }
    for (const auto& rdn : rdns_) {
        if (!canonical_.empty())
            canonical_ += ',';
        canonical_ += canonical_rdn(rdn);
    }
}

std::vector<std::string> DistinguishedName::common_names() const {
    std::vector<std::string> out;
    for (const auto& rdn : rdns_) {
        for (const auto& ava : rdn) {
            if (ava.oid == "2.5.4.3")
                out.push_back(ava.value);
        }
    }
    return out;
}

bool DistinguishedName::within_subtree(const DistinguishedName& base) const {
    if (base.rdns_.size() > rdns_.size())
        return false;
    for (std::size_t i = 0; i < base.rdns_.size(); ++i) {
        if (canonical_rdn(base.rdns_[i]) != canonical_rdn(rdns_[i]))
            return false;
    }
    return true;
}

}  // namespace dpslint
