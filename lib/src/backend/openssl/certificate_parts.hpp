#pragma once

// A DER certificate split into its fields, each decoded by OpenSSL's own d2i function.
//
// Why not d2i_X509: in OpenSSL 3.0 it also decodes the subject public key through the provider
// decoders (OSSL_DECODER_CTX_new_for_pkey per certificate), which costs about twice an ECDSA P-256
// signature check (docs/performance.md). dpslint needs the key of issuers only; their keys are
// decoded when a signature check first asks for them.

#include <openssl/asn1.h>
#include <openssl/x509.h>

#include "dpslint/bytes.hpp"

#include "backend/openssl/ossl.hpp"

namespace dpslint::openssl {

using Asn1IntegerPtr = Ptr<ASN1_INTEGER, ASN1_INTEGER_free>;
using Asn1TimePtr = Ptr<ASN1_TIME, ASN1_TIME_free>;
using AlgorPtr = Ptr<X509_ALGOR, X509_ALGOR_free>;
using NamePtr = Ptr<X509_NAME, X509_NAME_free>;
using BitStringPtr = Ptr<ASN1_BIT_STRING, ASN1_BIT_STRING_free>;

struct ExtensionsFree {
    void operator()(STACK_OF(X509_EXTENSION) * list) const noexcept {
        sk_X509_EXTENSION_pop_free(list, X509_EXTENSION_free);
    }
};
using ExtensionListPtr = std::unique_ptr<STACK_OF(X509_EXTENSION), ExtensionsFree>;

struct CertificateParts {
    ByteView tbs;      // the TBSCertificate element, as signed
    long version = 0;  // as encoded: 0 for v1 (also when absent)
    Asn1IntegerPtr serial;
    AlgorPtr inner_algorithm;  // TBSCertificate.signature
    NamePtr issuer;
    Asn1TimePtr not_before;
    Asn1TimePtr not_after;
    NamePtr subject;
    ByteView spki;  // the SubjectPublicKeyInfo element
    AlgorPtr key_algorithm;
    BitStringPtr key_bits;         // subjectPublicKey, decoded: its unused bits cleared
    ByteView key;                  // the octets of key_bits
    ExtensionListPtr extensions;   // null when absent
    AlgorPtr signature_algorithm;  // the outer one
    BitStringPtr signature;
};

// Splits one DER certificate (exactly: trailing bytes are an error). Throws ParseError with the
// messages of OpensslBackend::parse_certificate ("not a DER certificate: ...", "trailing bytes
// after certificate").
CertificateParts split_certificate(ByteView der);

}  // namespace dpslint::openssl
