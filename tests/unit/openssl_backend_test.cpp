// What only the OpenSSL backend does, beyond the contract every backend meets
// (backend_contract_test.cpp): its own signature-failure texts and the keys only OpenSSL checks.

#include <algorithm>
#include <string>

#include <catch2/catch.hpp>
#include <openssl/evp.h>

#include "dpslint/backend.hpp"
#include "dpslint/certificate.hpp"

#include "support/backend_under_test.hpp"
#include "support/certificate_builder.hpp"
#include "support/der.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace openssl_backend_test {

using namespace dpslint::test::der;

TEST_CASE("openssl: signature failures name what failed", "[openssl]") {
    const auto& backend = backend_under_test<OpenSslBackend>();
    const auto production = load(backend, "pki/ca/production.pem");
    const auto leaf = load(backend, "pki/leaves/valid-p256.pem");
    CHECK(
        backend.verify_signature(*load(backend, "pki/leaves/bad-signature.pem"), *production).detail
        == "signature does not verify");
    // An EC signature under an RSA key.
    CHECK(backend.verify_signature(*leaf, *load(backend, "pki/ca/testing.pem")).detail
          == "signature does not verify: wrong public key type");
}

TEST_CASE("openssl: Ed448 signatures are checked", "[openssl]") {
    // Botan 2 has no Ed448 (botan_backend_test.cpp).
    const auto& backend = backend_under_test<OpenSslBackend>();
    const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448"));
    REQUIRE(key);
    const auto cert = backend.parse_certificate(Builder().key(key.get()).sign(key.get(), nullptr));
    CHECK(backend.verify_signature(*cert, *cert).ok());
}

TEST_CASE("openssl: a VisibleString in a name is not DER to OpenSSL", "[openssl]") {
    const auto& backend = backend_under_test<OpenSslBackend>();
    X509_NAME* name = X509_NAME_new();
    Builder::add_typed(name, "2.5.4.11", V_ASN1_PRINTABLESTRING, {'v', 'i', 's'});
    Bytes der = Builder().subject(name).sign();
    X509_NAME_free(name);
    replace_all(der, hex("060355040B1303766973"), hex("060355040B1A03766973"));
    CHECK(parse_error(backend, der).rfind("not a DER certificate: ", 0) == 0);
}

TEST_CASE("openssl: how OpenSSL words what it refuses", "[openssl]") {
    const auto& backend = backend_under_test<OpenSslBackend>();
    Tbs wrong_time_type;
    wrong_time_type.validity = seq({printable("240101000000Z"), text(0x17, "400101000000Z")});
    CHECK(parse_error(backend, wrong_time_type.der())
          == "not a DER certificate: notBefore: mstring wrong tag");
    Tbs not_utf8;
    not_utf8.issuer = seq({set({attribute("2.5.4.3", tlv(0x0C, raw({'b', 0xFF})))})});
    CHECK(parse_error(backend, not_utf8.der())
          == "not a DER certificate: issuer: invalid utf8string");
    // Signature and TBSCertificate algorithms that differ are named as such.
    Bytes der = Builder().key(shared_rsa()).sign(shared_rsa(), EVP_sha256());
    const Bytes from = hex("06092A864886F70D01010B");
    const auto it = std::find_end(der.begin(), der.end(), from.begin(), from.end());
    REQUIRE(it != der.end());
    *(it + 10) = 0x0D;  // the outer signatureAlgorithm becomes sha512WithRSAEncryption
    const auto cert = backend.parse_certificate(der);
    CHECK(backend.verify_signature(*cert, *cert).detail.find("TBSCertificate")
          != std::string::npos);
}

}  // namespace openssl_backend_test
