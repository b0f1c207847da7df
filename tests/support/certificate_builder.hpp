#pragma once

// Certificates built in memory with the OpenSSL API, for cases no committed fixture has (odd
// encodings, thousands of CAs with one name). OpenSSL is a test oracle here, not dpslint code.

#include <memory>
#include <string>
#include <string_view>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "dpslint/bytes.hpp"

namespace dpslint::test {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;

Bytes to_der(const X509* x509);
// The PEM text of a DER certificate.
std::string to_pem(const Bytes& der);
Bytes hex(std::string_view text);
// The first certificate of a PEM file under testdata/, decoded by OpenSSL's PEM reader.
X509Ptr read_pem(std::string_view relative);

// One P-256 and one RSA-2048 key for the whole test run.
EVP_PKEY* shared_p256();
EVP_PKEY* shared_rsa();
// A fresh P-256 key.
KeyPtr new_p256();

// A v3 certificate, CN=synthetic, self-issued, valid 2024..2040, serial 01, the shared P-256 key,
// no extensions; each setter changes one thing.
class Builder {
public:
    Builder();

    X509* get() { return x509_.get(); }

    Builder& version(long v);
    Builder& serial(const char* magnitude_hex, bool negative = false);
    Builder& validity(const char* not_before, const char* not_after);
    // Keeps the time's type (from `validity`) and replaces its text.
    Builder& raw_time(bool not_before, const char* text);
    Builder& subject(X509_NAME* name);
    Builder& issuer(X509_NAME* name);
    // Subject and issuer CN=`subject_cn` and CN=`issuer_cn`.
    Builder& names(const char* subject_cn, const char* issuer_cn);
    Builder& key(EVP_PKEY* key);
    // An extension from OpenSSL's configuration syntax ("critical,CA:TRUE,pathlen:3").
    Builder& ext(int nid, const char* value);
    // An extension with a hand-written DER value.
    Builder& raw_ext(const char* oid, bool critical, std::string_view value_hex);
    Bytes sign(EVP_PKEY* key = shared_p256(), const EVP_MD* md = EVP_sha256());

    static void add_text(X509_NAME* name, const char* field, const char* value, int set = 0);
    static void add_typed(X509_NAME* name, const char* oid, int type, const Bytes& bytes);

private:
    X509Ptr x509_;
};

// Replaces every occurrence of `from` by `to` (same length); at least one must occur.
void replace_all(Bytes& der, const Bytes& from, const Bytes& to);

}  // namespace dpslint::test
