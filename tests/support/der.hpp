#pragma once

// A few lines of DER assembly for certificates no library builder will make (non-minimal
// lengths, empty RDNs, odd string types). Their signatures are never valid; tests that read
// fields only need the TBS structure.

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "dpslint/bytes.hpp"

namespace dpslint::test::der {

Bytes tlv(std::uint8_t tag, const Bytes& content);
Bytes cat(std::initializer_list<Bytes> parts);
Bytes seq(std::initializer_list<Bytes> parts);
Bytes set(std::initializer_list<Bytes> parts);
Bytes raw(std::initializer_list<std::uint8_t> bytes);
Bytes text(std::uint8_t tag, std::string_view s);
Bytes utf8(std::string_view s);
Bytes printable(std::string_view s);
Bytes ia5(std::string_view s);
Bytes octets(const Bytes& b);
Bytes boolean(bool v);
Bytes integer(const Bytes& content);
Bytes bits(const Bytes& b, std::uint8_t unused = 0);
Bytes context(unsigned n, const Bytes& content, bool constructed);
Bytes oid(std::string_view dotted);
Bytes attribute(std::string_view type, const Bytes& value);
// The RDN SET {CN=value}.
Bytes cn(std::string_view value);
Bytes extension(std::string_view id, const Bytes& value, bool critical = false);
Bytes to_bytes(std::string_view s);

// The SubjectPublicKeyInfo of testdata/pki/leaves/valid-p256.pem.
const Bytes& p256_spki();

// A v3 certificate CN=synthetic, self-issued, serial 01, valid 2024..2040, the P-256 key of
// p256_spki(), ecdsa-with-SHA256 and a one-octet signature; each member is one field's DER.
struct Tbs {
    Bytes version = context(0, integer(raw({2})), true);
    Bytes serial = integer(raw({0x01}));
    Bytes signature = seq({oid("1.2.840.10045.4.3.2")});
    Bytes issuer = seq({cn("synthetic")});
    Bytes validity = seq({text(0x17, "240101000000Z"), text(0x17, "400101000000Z")});
    Bytes subject = seq({cn("synthetic")});
    Bytes spki = p256_spki();
    Bytes extra;  // after the SPKI: unique IDs, [3] extensions
    Bytes outer_signature = seq({oid("1.2.840.10045.4.3.2")});

    Tbs& extensions(std::initializer_list<Bytes> list);
    Bytes der() const;
};

}  // namespace dpslint::test::der
