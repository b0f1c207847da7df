#include "backend/openssl/public_key.hpp"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>

#include "dpslint/algorithms.hpp"
#include "dpslint/backend.hpp"

#include "backend/openssl/der.hpp"
#include "backend/openssl/ossl.hpp"
#include "x509/ec_point.hpp"
#include "x509/rsa_key.hpp"

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

// The group of a named curve, built once and only read afterwards (EC_POINT_oct2point takes it
// const).
const EC_GROUP* group_of(const NamedCurve& curve) {
    using GroupPtr = Ptr<EC_GROUP, EC_GROUP_free>;
    static const GroupPtr p256(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    static const GroupPtr p384(EC_GROUP_new_by_curve_name(NID_secp384r1));
    static const GroupPtr p521(EC_GROUP_new_by_curve_name(NID_secp521r1));
    return curve.bits == 256 ? p256.get() : curve.bits == 384 ? p384.get() : p521.get();
}

// A key on P-256/384/521 must be a point of the curve (x509/ec_point.hpp); throws ParseError as
// the Botan backend does.
void check_point(const NamedCurve& curve, ByteView point) {
    if (auto problem = ec_point_encoding_problem(curve, point))
        throw ParseError("malformed subjectPublicKeyInfo: " + *problem);
    const EC_GROUP* group = group_of(curve);
    const Ptr<EC_POINT, EC_POINT_free> decoded(EC_POINT_new(group));
    const bool on_curve =
        decoded
        && EC_POINT_oct2point(group, decoded.get(), point.data(), point.size(), nullptr) == 1;
    ERR_clear_error();
    if (!on_curve) {
        throw ParseError("malformed subjectPublicKeyInfo: EC public key is not a point of "
                         + std::string(curve.name));
    }
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
            if (auto problem = rsa_key_problem(key))
                throw ParseError("malformed subjectPublicKeyInfo: " + *problem);
            out.bits = rsa_modulus_bits(key);
            break;
        case KeyAlgorithm::ec: {
            if (parameter_type != V_ASN1_OBJECT)
                return full_decode(der);
            const std::string curve_oid = oid_text(static_cast<const ASN1_OBJECT*>(parameter));
            const NamedCurve* curve = find_named_curve(curve_oid);
            if (curve == nullptr)
                return full_decode(der);
            check_point(*curve, key);
            out.curve = curve_name_from_oid(curve_oid);
            out.bits = curve->bits;
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
    const unsigned char* key = nullptr;
    int key_length = 0;
    X509_PUBKEY_get0_param(nullptr, &key, &key_length, nullptr, spki);
    const ByteView key_bytes{key, static_cast<std::size_t>(key_length)};
    if (out.algorithm == KeyAlgorithm::rsa) {
        if (auto problem = rsa_key_problem(key_bytes))
            throw ParseError("malformed subjectPublicKeyInfo: " + *problem);
    }
    if (out.algorithm == KeyAlgorithm::ec) {
        int parameter_type = V_ASN1_UNDEF;
        const void* parameter = nullptr;
        X509_ALGOR_get0(nullptr, &parameter_type, &parameter, algorithm);
        // namedCurve; explicit (SEQUENCE) or implicit parameters leave the curve empty.
        if (parameter_type == V_ASN1_OBJECT) {
            const std::string curve_oid = oid_text(static_cast<const ASN1_OBJECT*>(parameter));
            if (const NamedCurve* curve = find_named_curve(curve_oid))
                check_point(*curve, key_bytes);
            out.curve = curve_name_from_oid(curve_oid);
        }
    }
    out.bits = key_bits(spki, out.algorithm);
    out.spki_sha256 = digest_hex(EVP_sha256(), der);
    return out;
}

}  // namespace dpslint::openssl
