#pragma once

// Decoding an extension's value with OpenSSL's ASN1_ITEM templates, shared by certificate and CRL
// extensions.

#include <memory>

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include "backend/openssl/der.hpp"
#include "backend/openssl/ossl.hpp"

namespace dpslint::openssl {

struct ItemDeleter {
    const ASN1_ITEM* item;
    void operator()(void* value) const noexcept {
        ASN1_item_free(static_cast<ASN1_VALUE*>(value), item);
    }
};

template <typename T>
using Decoded = std::unique_ptr<T, ItemDeleter>;

// The extension value decoded as `item`; null unless it is DER, decodes and uses every byte.
template <typename T>
Decoded<T> decode(X509_EXTENSION* extension, const ASN1_ITEM* item) {
    const ByteView der = string_bytes(X509_EXTENSION_get_data(extension));
    const unsigned char* p = der.data();
    ASN1_VALUE* value = ASN1_item_d2i(nullptr, &p, static_cast<long>(der.size()), item);
    Decoded<T> out(static_cast<T*>(static_cast<void*>(value)), ItemDeleter{item});
    ERR_clear_error();
    if (!out || p != der.data() + der.size() || der_violation(der))
        return Decoded<T>(nullptr, ItemDeleter{item});
    return out;
}

}  // namespace dpslint::openssl
