// Value readers shared by every snapshot part: dates in both styles the az CLI emits, inline
// certificates (PEM text or base64 DER), source references and ASCII case helpers.

#include <algorithm>
#include <cctype>

#include "dpslint/base64.hpp"
#include "dpslint/certificate_file.hpp"
#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/pem.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string ascii_upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
                  return std::tolower(x) == std::tolower(y);
              });
}

SourceRef source_of(const JsonCursor& cursor) {
    return SourceRef{cursor.file(), cursor.pointer()};
}

std::optional<TimePoint> optional_date(const JsonCursor& object, std::string_view key) {
    const auto cursor = object.optional_child(key);
    if (!cursor)
        return std::nullopt;
    const std::string text = cursor->as_string();
    if (auto t = parse_rfc3339(text))
        return t;
    if (auto t = parse_rfc1123(text))
        return t;
    cursor->fail("expected an ISO 8601 or RFC 1123 date, got " + quote_input(text));
}

std::optional<AllocationPolicy> optional_allocation_policy(const JsonCursor& object,
                                                           std::string_view key, std::string& raw) {
    const auto cursor = object.optional_child(key);
    raw.clear();
    if (!cursor)
        return std::nullopt;
    raw = cursor->as_string();
    if (auto policy = parse_allocation_policy(raw))
        return policy;
    cursor->fail("unknown allocation policy " + quote_input(raw)
                 + " (expected hashed, geoLatency, static or custom, in any casing)");
}

std::vector<CertificatePtr> parse_inline_certificates(const JsonCursor& value,
                                                      const CryptoBackend& backend) {
    const std::string text = value.as_string();
    const bool pem = contains_pem(text);
    Bytes der;
    if (!pem && !base64_decode(text, der)) {
        value.fail("not a certificate: neither PEM text nor base64-encoded DER");
    }
    // `az iot dps certificate show` returns the uploaded file's bytes in base64, which is PEM
    // text when a PEM file was uploaded.
    const bool base64_pem =
        !pem
        && contains_pem(std::string_view(reinterpret_cast<const char*>(der.data()), der.size()));
    if (!pem && !base64_pem && (der.empty() || der[0] != 0x30)) {
        value.fail("not a certificate: the base64 text decodes to neither DER nor PEM");
    }
    CertificateFile parsed;
    try {
        parsed = pem ? parse_certificate_file(value.file(), as_bytes(text), backend)
                     : parse_certificate_file(value.file(), der, backend);
    } catch (const InputError& e) {
        const std::string form =
            pem ? "in the PEM text" : (base64_pem ? "in the base64 PEM" : "in the base64 DER");
        const std::string where = e.place().empty() ? form : form + ", " + e.place();
        value.fail(where + ": " + e.detail());
    }
    if (parsed.certificates.empty())
        value.fail("not a certificate: the PEM text holds no CERTIFICATE block");
    return std::move(parsed.certificates);
}

}  // namespace dpslint::snapshot_detail
