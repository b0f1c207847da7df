#pragma once

// Small RAII and conversion helpers shared by the OpenSSL backend's translation units. Nothing
// here keeps state between calls.

#include <memory>
#include <string>

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "dpslint/bytes.hpp"

namespace dpslint::openssl {

// unique_ptr deleter calling an OpenSSL free function.
template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};

template <typename T, auto Free>
using Ptr = std::unique_ptr<T, Deleter<Free>>;

using X509Ptr = Ptr<X509, X509_free>;
using X509PubkeyPtr = Ptr<X509_PUBKEY, X509_PUBKEY_free>;
using Asn1TypePtr = Ptr<ASN1_TYPE, ASN1_TYPE_free>;

// Empties the thread's OpenSSL error queue when entered and when left, so errors of one call
// never show up in the next.
class ErrorScope {
public:
    ErrorScope() noexcept;
    ~ErrorScope();
    ErrorScope(const ErrorScope&) = delete;
    ErrorScope& operator=(const ErrorScope&) = delete;
};

// What the thread's error queue held; the queue is empty afterwards.
struct Errors {
    // Distinct reason strings, oldest first, joined by ": " (generic wrappers such as "EVP lib"
    // left out when anything more specific was queued); empty if none.
    std::string text;
    bool specific = false;     // something beyond the generic wrappers was queued
    bool unsupported = false;  // an "unknown algorithm"/"unsupported" kind of error was queued
};
Errors take_errors();

// Dotted form of an OID ("2.5.29.19"); empty for a null or empty object.
std::string oid_text(const ASN1_OBJECT* object);

// Upper hex of an INTEGER's magnitude without leading zero bytes; "00" for zero.
std::string integer_magnitude_hex(const ASN1_INTEGER* value);

// Number of content octets of the INTEGER's DER encoding (two's complement, minimal).
std::size_t integer_content_octets(const ASN1_INTEGER* value);

// Bytes of an ASN1_STRING as a view (empty for null).
ByteView string_bytes(const ASN1_STRING* value);

// Upper hex of the digest of `data`.
std::string digest_hex(const EVP_MD* md, ByteView data);

// Upper hex of a DER encoding of an arbitrary ASN.1 value held as an ASN1_STRING of the given
// type (V_ASN1_OTHER / SEQUENCE / SET strings already hold their whole encoding).
std::string value_der_hex(const ASN1_STRING* value);

}  // namespace dpslint::openssl
