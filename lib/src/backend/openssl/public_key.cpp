#include "backend/openssl/public_key.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include "dpslint/algorithms.hpp"

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

}  // namespace

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
