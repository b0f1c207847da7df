#include "support/certificate_builder.hpp"

#include <algorithm>
#include <string>

#include <catch2/catch.hpp>
#include <openssl/bn.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "support/testdata.hpp"

namespace dpslint::test {

Bytes to_der(const X509* x509) {
    unsigned char* out = nullptr;
    const int length = i2d_X509(x509, &out);
    REQUIRE(length > 0);
    Bytes der(out, out + length);
    OPENSSL_free(out);
    return der;
}

std::string to_pem(const Bytes& der) {
    const unsigned char* p = der.data();
    const X509Ptr x509(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    REQUIRE(x509);
    const BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(PEM_write_bio_X509(bio.get(), x509.get()) == 1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

Bytes hex(std::string_view text) {
    Bytes out;
    REQUIRE(from_hex(text, out));
    return out;
}

X509Ptr read_pem(std::string_view relative) {
    const auto path = testdata(relative);
    const BioPtr bio(BIO_new_file(path.string().c_str(), "r"));
    REQUIRE(bio);
    X509Ptr x509(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(x509);
    return x509;
}

EVP_PKEY* shared_p256() {
    static const KeyPtr key = new_p256();
    return key.get();
}

EVP_PKEY* shared_rsa() {
    static const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048}));
    return key.get();
}

KeyPtr new_p256() {
    KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    REQUIRE(key);
    return key;
}

Builder::Builder() : x509_(X509_new()) {
    REQUIRE(x509_);
    REQUIRE(X509_set_version(x509_.get(), X509_VERSION_3) == 1);
    serial("01");
    X509_NAME* name = X509_get_subject_name(x509_.get());
    add_text(name, "CN", "synthetic");
    REQUIRE(X509_set_issuer_name(x509_.get(), name) == 1);
    validity("20240101000000Z", "20400101000000Z");
    key(shared_p256());
}

Builder& Builder::version(long v) {
    REQUIRE(X509_set_version(x509_.get(), v) == 1);
    return *this;
}

Builder& Builder::serial(const char* magnitude_hex, bool negative) {
    BIGNUM* bn = nullptr;
    REQUIRE(BN_hex2bn(&bn, magnitude_hex) > 0);
    BN_set_negative(bn, negative ? 1 : 0);
    ASN1_INTEGER* value = BN_to_ASN1_INTEGER(bn, nullptr);
    REQUIRE(value);
    REQUIRE(X509_set_serialNumber(x509_.get(), value) == 1);
    ASN1_INTEGER_free(value);
    BN_free(bn);
    return *this;
}

Builder& Builder::validity(const char* not_before, const char* not_after) {
    REQUIRE(ASN1_TIME_set_string(X509_getm_notBefore(x509_.get()), not_before) == 1);
    REQUIRE(ASN1_TIME_set_string(X509_getm_notAfter(x509_.get()), not_after) == 1);
    return *this;
}

Builder& Builder::raw_time(bool not_before, const char* text) {
    ASN1_TIME* time =
        not_before ? X509_getm_notBefore(x509_.get()) : X509_getm_notAfter(x509_.get());
    REQUIRE(ASN1_STRING_set(time, text, -1) == 1);
    return *this;
}

Builder& Builder::subject(X509_NAME* name) {
    REQUIRE(X509_set_subject_name(x509_.get(), name) == 1);
    return *this;
}

Builder& Builder::issuer(X509_NAME* name) {
    REQUIRE(X509_set_issuer_name(x509_.get(), name) == 1);
    return *this;
}

Builder& Builder::names(const char* subject_cn, const char* issuer_cn) {
    using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
    const NamePtr subject_name(X509_NAME_new());
    const NamePtr issuer_name(X509_NAME_new());
    add_text(subject_name.get(), "CN", subject_cn);
    add_text(issuer_name.get(), "CN", issuer_cn);
    subject(subject_name.get());
    return issuer(issuer_name.get());
}

Builder& Builder::key(EVP_PKEY* key) {
    REQUIRE(X509_set_pubkey(x509_.get(), key) == 1);
    return *this;
}

Builder& Builder::ext(int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, x509_.get(), x509_.get(), nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    REQUIRE(extension);
    REQUIRE(X509_add_ext(x509_.get(), extension, -1) == 1);
    X509_EXTENSION_free(extension);
    return *this;
}

Builder& Builder::raw_ext(const char* oid, bool critical, std::string_view value_hex) {
    const Bytes value = hex(value_hex);
    ASN1_OBJECT* object = OBJ_txt2obj(oid, 1);
    ASN1_OCTET_STRING* data = ASN1_OCTET_STRING_new();
    REQUIRE(ASN1_OCTET_STRING_set(data, value.data(), static_cast<int>(value.size())) == 1);
    X509_EXTENSION* extension =
        X509_EXTENSION_create_by_OBJ(nullptr, object, critical ? 1 : 0, data);
    REQUIRE(extension);
    REQUIRE(X509_add_ext(x509_.get(), extension, -1) == 1);
    X509_EXTENSION_free(extension);
    ASN1_OCTET_STRING_free(data);
    ASN1_OBJECT_free(object);
    return *this;
}

Bytes Builder::sign(EVP_PKEY* key, const EVP_MD* md) {
    REQUIRE(X509_sign(x509_.get(), key, md) > 0);
    return to_der(x509_.get());
}

void Builder::add_text(X509_NAME* name, const char* field, const char* value, int set) {
    REQUIRE(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(value), -1, -1, set)
            == 1);
}

void Builder::add_typed(X509_NAME* name, const char* oid, int type, const Bytes& bytes) {
    ASN1_OBJECT* object = OBJ_txt2obj(oid, 1);
    REQUIRE(X509_NAME_add_entry_by_OBJ(name, object, type, bytes.data(),
                                       static_cast<int>(bytes.size()), -1, 0)
            == 1);
    ASN1_OBJECT_free(object);
}

void replace_all(Bytes& der, const Bytes& from, const Bytes& to) {
    REQUIRE(from.size() == to.size());
    int replaced = 0;
    for (std::size_t i = 0; i + from.size() <= der.size(); ++i) {
        if (std::equal(from.begin(), from.end(), der.begin() + static_cast<std::ptrdiff_t>(i))) {
            std::copy(to.begin(), to.end(), der.begin() + static_cast<std::ptrdiff_t>(i));
            ++replaced;
        }
    }
    REQUIRE(replaced > 0);
}

}  // namespace dpslint::test
