#include "support/der.hpp"

#include <vector>

#include <catch2/catch.hpp>
#include <openssl/x509.h>

#include "support/certificate_builder.hpp"

namespace dpslint::test::der {

Bytes tlv(std::uint8_t tag, const Bytes& content) {
    Bytes out{tag};
    const std::size_t n = content.size();
    if (n < 0x80) {
        out.push_back(static_cast<std::uint8_t>(n));
    } else if (n < 0x100) {
        out.insert(out.end(), {0x81, static_cast<std::uint8_t>(n)});
    } else {
        out.insert(out.end(),
                   {0x82, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    }
    out.insert(out.end(), content.begin(), content.end());
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

Bytes seq(std::initializer_list<Bytes> parts) {
    return tlv(0x30, cat(parts));
}

Bytes set(std::initializer_list<Bytes> parts) {
    return tlv(0x31, cat(parts));
}

Bytes raw(std::initializer_list<std::uint8_t> bytes) {
    return Bytes(bytes);
}

Bytes text(std::uint8_t tag, std::string_view s) {
    return tlv(tag, Bytes(s.begin(), s.end()));
}

Bytes utf8(std::string_view s) {
    return text(0x0C, s);
}

Bytes printable(std::string_view s) {
    return text(0x13, s);
}

Bytes ia5(std::string_view s) {
    return text(0x16, s);
}

Bytes octets(const Bytes& b) {
    return tlv(0x04, b);
}

Bytes boolean(bool v) {
    return tlv(0x01, raw({static_cast<std::uint8_t>(v ? 0xFF : 0x00)}));
}

Bytes integer(const Bytes& content) {
    return tlv(0x02, content);
}

Bytes bits(const Bytes& b, std::uint8_t unused) {
    return tlv(0x03, cat({raw({unused}), b}));
}

Bytes context(unsigned n, const Bytes& content, bool constructed) {
    return tlv(static_cast<std::uint8_t>((constructed ? 0xA0 : 0x80) | n), content);
}

Bytes oid(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    std::uint64_t value = 0;
    for (const char c : dotted) {
        if (c == '.') {
            arcs.push_back(value);
            value = 0;
        } else {
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
    }
    arcs.push_back(value);
    Bytes content;
    const auto put = [&](std::uint64_t v) {
        Bytes enc{static_cast<std::uint8_t>(v & 0x7F)};
        for (v >>= 7; v != 0; v >>= 7)
            enc.insert(enc.begin(), static_cast<std::uint8_t>(0x80 | (v & 0x7F)));
        content.insert(content.end(), enc.begin(), enc.end());
    };
    put(arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i)
        put(arcs[i]);
    return tlv(0x06, content);
}

Bytes attribute(std::string_view type, const Bytes& value) {
    return seq({oid(type), value});
}

Bytes cn(std::string_view value) {
    return set({attribute("2.5.4.3", utf8(value))});
}

Bytes extension(std::string_view id, const Bytes& value, bool critical) {
    return critical ? seq({oid(id), boolean(true), octets(value)}) : seq({oid(id), octets(value)});
}

Bytes to_bytes(std::string_view s) {
    return Bytes(s.begin(), s.end());
}

const Bytes& p256_spki() {
    static const Bytes spki = [] {
        const X509Ptr x509 = read_pem("pki/leaves/valid-p256.pem");
        unsigned char* out = nullptr;
        const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509.get()), &out);
        REQUIRE(length > 0);
        Bytes der(out, out + length);
        OPENSSL_free(out);
        return der;
    }();
    return spki;
}

Tbs& Tbs::extensions(std::initializer_list<Bytes> list) {
    extra = context(3, seq(list), true);
    return *this;
}

Bytes Tbs::der() const {
    const Bytes tbs = seq({version, serial, signature, issuer, validity, subject, spki, extra});
    return seq({tbs, outer_signature, bits(raw({0x00}))});
}

}  // namespace dpslint::test::der
