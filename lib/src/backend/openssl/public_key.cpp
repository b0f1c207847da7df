#include "backend/openssl/public_key.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include "dpslint/algorithms.hpp"

#include "backend/openssl/der.hpp"
#include "backend/openssl/ossl.hpp"

namespace dpslint::openssl {

namespace {

int key_bits(const X509_PUBKEY* spki, KeyAlgorithm algorithm) {
    if (algorithm == KeyAlgorithm::unknown)
        return 0;
    // The key was decoded (or found undecodable) when the SPKI was parsed; this only reads it.
    EVP_PKEY* key = X509_PUBKEY_get0(spki);
    ERR_clear_error();
    if (key == nullptr)
        return 0;
    switch (algorithm) {
        case KeyAlgorithm::ed25519:
            return 256;  // OpenSSL reports 253, the bit length of the group order
        case KeyAlgorithm::ed448:
            return 456;
        default: {
            const int bits = EVP_PKEY_get_bits(key);
            ERR_clear_error();
            return bits > 0 ? bits : 0;
        }
    }
}

// Bit length of a DER INTEGER's content when it is positive and minimal; 0 otherwise.
int positive_integer_bits(const Tlv& integer) {
    const ByteView v = integer.content;
    if (integer.tag_class != 0 || integer.constructed || integer.number != 2 || v.empty()
        || (v[0] & 0x80) != 0)
        return 0;
    std::size_t start = 0;
    if (v[0] == 0) {
        if (v.size() == 1 || (v[1] & 0x80) == 0)
            return 0;  // zero, or a non-minimal leading zero octet
        start = 1;
    }
    int top = 0;
    for (std::uint8_t b = v[start]; b != 0; b >>= 1)
        ++top;
    return static_cast<int>((v.size() - start - 1) * 8) + top;
}

// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1).
int rsa_modulus_bits(ByteView key) {
    const TlvResult sequence = read_tlv(key);
    if (!sequence.tlv || sequence.tlv->size != key.size() || sequence.tlv->number != 16)
        return 0;
    const TlvResult modulus = read_tlv(sequence.tlv->content);
    if (!modulus.tlv)
        return 0;
    const ByteView rest = sequence.tlv->content.subspan(modulus.tlv->size);
    const TlvResult exponent = read_tlv(rest);
    if (!exponent.tlv || exponent.tlv->size != rest.size()
        || positive_integer_bits(*exponent.tlv) == 0)
        return 0;
    return positive_integer_bits(*modulus.tlv);
}

// Group order bits of the named curves dpslint expects; 0 for others (they take the full decode).
int named_curve_bits(const std::string& curve_oid) {
    if (curve_oid == "1.2.840.10045.3.1.7")
        return 256;  // P-256
    if (curve_oid == "1.3.132.0.34")
        return 384;  // P-384
    if (curve_oid == "1.3.132.0.35")
        return 521;  // P-521
    return 0;
}

// An uncompressed (04) or compressed (02, 03) point of a curve of `bits` bits.
bool point_fits(ByteView point, int bits) {
    const std::size_t field = (static_cast<std::size_t>(bits) + 7) / 8;
    if (point.empty())
        return false;
    if (point[0] == 0x04)
        return point.size() == 1 + 2 * field;
    return (point[0] == 0x02 || point[0] == 0x03) && point.size() == 1 + field;
}

PublicKeyInfo full_decode(ByteView der) {
    const unsigned char* p = der.data();
    const X509PubkeyPtr spki(d2i_X509_PUBKEY(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error();
    if (!spki)
        return {};
    return describe_spki(spki.get(), der);
}

}  // namespace

PublicKeyInfo describe_spki_parts(const X509_ALGOR* algorithm, ByteView key, ByteView der) {
    const ASN1_OBJECT* algorithm_oid = nullptr;
    int parameter_type = V_ASN1_UNDEF;
    const void* parameter = nullptr;
    X509_ALGOR_get0(&algorithm_oid, &parameter_type, &parameter, algorithm);
    PublicKeyInfo out;
    out.algorithm_oid = oid_text(algorithm_oid);
    out.algorithm = key_algorithm_from_oid(out.algorithm_oid);
    switch (out.algorithm) {
        case KeyAlgorithm::rsa:
            out.bits = rsa_modulus_bits(key);
            break;
        case KeyAlgorithm::ec: {
            if (parameter_type != V_ASN1_OBJECT)
                return full_decode(der);
            const std::string curve_oid = oid_text(static_cast<const ASN1_OBJECT*>(parameter));
            const int bits = named_curve_bits(curve_oid);
            if (bits == 0)
                return full_decode(der);
            out.curve = curve_name_from_oid(curve_oid);
            out.bits = point_fits(key, bits) ? bits : 0;
            break;
        }
        case KeyAlgorithm::ed25519:
            out.bits = parameter_type == V_ASN1_UNDEF && key.size() == 32 ? 256 : 0;
            break;
        case KeyAlgorithm::ed448:
            out.bits = parameter_type == V_ASN1_UNDEF && key.size() == 57 ? 456 : 0;
            break;
        default:
            return full_decode(der);
    }
    out.spki_sha256 = digest_hex(EVP_sha256(), der);
    return out;
}

PublicKeyInfo describe_spki(const X509_PUBKEY* spki, ByteView der) {
    PublicKeyInfo out;
    ASN1_OBJECT* algorithm_oid = nullptr;
    X509_ALGOR* algorithm = nullptr;
    if (X509_PUBKEY_get0_param(&algorithm_oid, nullptr, nullptr, &algorithm, spki) != 1) {
        ERR_clear_error();
        return out;
    }
    out.algorithm_oid = oid_text(algorithm_oid);
    out.algorithm = key_algorithm_from_oid(out.algorithm_oid);
    out.bits = key_bits(spki, out.algorithm);
    if (out.algorithm == KeyAlgorithm::ec) {
        int parameter_type = V_ASN1_UNDEF;
        const void* parameter = nullptr;
        X509_ALGOR_get0(nullptr, &parameter_type, &parameter, algorithm);
        // namedCurve; explicit (SEQUENCE) or implicit parameters leave the curve empty.
        if (parameter_type == V_ASN1_OBJECT) {
            out.curve = curve_name_from_oid(oid_text(static_cast<const ASN1_OBJECT*>(parameter)));
        }
    }
    out.spki_sha256 = digest_hex(EVP_sha256(), der);
    return out;
}

}  // namespace dpslint::openssl
