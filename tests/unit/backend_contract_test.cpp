// What every crypto backend must do, run against each of them (OpenSSL and Botan): decode the
// committed test PKI and certificates built in memory into the same fields, check signatures,
// and refuse what is not one DER certificate with one line that says why (the same line where
// the backends word it alike). The fields are compared with two independent oracles, OpenSSL's
// and Botan's own certificate parsers. What only one backend does, or words its own way, lives
// in openssl_backend_test.cpp and botan_backend_test.cpp.

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <botan/hash.h>
#include <botan/hex.h>
#include <botan/x509cert.h>
#include <catch2/catch.hpp>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "dpslint/backend.hpp"
#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/time.hpp"

#include "support/backend_under_test.hpp"
#include "support/certificate_builder.hpp"
#include "support/der.hpp"
#include "support/extension_problem.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace backend_contract_test {

using namespace dpslint::test::der;

Bytes read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---------------------------------------------------------------------------------------------
// The two oracles.

std::string openssl_digest(const X509* x509, const EVP_MD* md) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    REQUIRE(X509_digest(x509, md, out, &length) == 1);
    return to_hex_upper(ByteView{out, length});
}

std::string sha256_hex(ByteView data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    REQUIRE(EVP_Digest(data.data(), data.size(), out, &length, EVP_sha256(), nullptr) == 1);
    return to_hex_upper(ByteView{out, length});
}

// SHA-256 of the SPKI as OpenSSL re-serialises it from the decoded key.
std::string openssl_spki_sha256(const X509* x509) {
    unsigned char* spki = nullptr;
    const int length = i2d_PUBKEY(X509_get0_pubkey(x509), &spki);
    REQUIRE(length > 0);
    const auto out = sha256_hex(ByteView{spki, static_cast<std::size_t>(length)});
    OPENSSL_free(spki);
    return out;
}

Bytes openssl_spki_der(const X509* x509) {
    unsigned char* out = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509), &out);
    REQUIRE(length > 0);
    Bytes spki(out, out + length);
    OPENSSL_free(out);
    return spki;
}

std::string openssl_ski(X509* x509) {
    const ASN1_OCTET_STRING* id = X509_get0_subject_key_id(x509);
    REQUIRE(id);
    return to_hex_upper(
        ByteView{ASN1_STRING_get0_data(id), static_cast<std::size_t>(ASN1_STRING_length(id))});
}

Botan::X509_Certificate botan_oracle(const std::string& relative) {
    const Bytes der = fixture_der(relative);
    return Botan::X509_Certificate(der.data(), der.size());
}

std::string botan_sha256(const std::vector<std::uint8_t>& data) {
    const auto hash = Botan::HashFunction::create_or_throw("SHA-256");
    hash->update(data);
    return to_hex_upper(hash->final_stdvec());
}

// Botan prints fingerprints as "AB:CD:..."; dpslint as "ABCD...".
std::string without_colons(std::string text) {
    std::erase(text, ':');
    return text;
}

// ---------------------------------------------------------------------------------------------

GeneralName name_of(GeneralNameType type, std::string value) {
    GeneralName out;
    out.type = type;
    out.value = std::move(value);
    return out;
}

std::vector<std::string> oids(const std::vector<ExtensionInfo>& list) {
    std::vector<std::string> out;
    for (const auto& e : list)
        out.push_back(e.oid);
    return out;
}

void require_one_line(const std::string& message) {
    CHECK(message.find('\n') == std::string::npos);
    REQUIRE_FALSE(message.empty());
    CHECK(message.back() != '.');
}

CertificatePtr parse(const CryptoBackend& backend, const Tbs& tbs) {
    return backend.parse_certificate(tbs.der());
}

Extensions with_extensions(const CryptoBackend& backend, std::initializer_list<Bytes> list) {
    Tbs tbs;
    tbs.extensions(list);
    return parse(backend, tbs)->extensions();
}

// The problem of a certificate whose only extension has the given value.
std::string extension_error(const CryptoBackend& backend, std::string_view id, const Bytes& value) {
    Tbs tbs;
    tbs.extensions({extension(id, value)});
    return extension_problem(backend, tbs.der());
}

// The backend's verdict: its ParseError, the certificate's first extension problem (a malformed
// extension value is a finding, not an unreadable certificate), or "accepted".
std::string verdict(const CryptoBackend& backend, const Bytes& der) {
    std::string problem = extension_problem(backend, der);
    if (problem.rfind("ParseError: ", 0) == 0)
        return problem.substr(12);
    return problem == "no problem" ? "accepted" : problem;
}

// The uncompressed P-256 point of `key` (65 octets, 04 x y).
Bytes point_of(EVP_PKEY* key) {
    Bytes out(65);
    std::size_t length = 0;
    REQUIRE(EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, out.data(), out.size(),
                                            &length)
            == 1);
    REQUIRE(length == 65);
    return out;
}

// A certificate whose P-256 public key point is replaced by `point` (same length).
Bytes with_point(const Bytes& point) {
    const KeyPtr key = new_p256();
    Bytes der = Builder().key(key.get()).sign();
    replace_all(der, point_of(key.get()), point);
    return der;
}

// The certificate's bytes with the first occurrence of `prefix` found and the octet `offset`
// after its end XOR-ed with `mask`.
Bytes flip_after(Bytes der, const Bytes& prefix, std::ptrdiff_t offset, std::uint8_t mask) {
    const auto at = std::search(der.begin(), der.end(), prefix.begin(), prefix.end());
    REQUIRE(at != der.end());
    *(at + static_cast<std::ptrdiff_t>(prefix.size()) + offset) ^= mask;
    return der;
}

// The DER of the certificate request in a PEM file under testdata/.
Bytes csr_der(const std::string& relative) {
    const auto path = testdata(relative);
    const BioPtr bio(BIO_new_file(path.string().c_str(), "r"));
    REQUIRE(bio);
    X509_REQ* request = PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr);
    REQUIRE(request);
    unsigned char* out = nullptr;
    const int length = i2d_X509_REQ(request, &out);
    X509_REQ_free(request);
    REQUIRE(length > 0);
    Bytes der(out, out + length);
    OPENSSL_free(out);
    return der;
}

class ForeignNative final : public NativeCertificate {};

#define BACKEND_CONTRACT(name) \
    TEMPLATE_TEST_CASE("contract: " name, "[backend][contract]", OpenSslBackend, BotanBackend)

// ---------------------------------------------------------------------------------------------
// Fixtures

BACKEND_CONTRACT("the backend identifies itself") {
    const auto& backend = backend_under_test<TestType>();
    CHECK(backend.name() == TestType::name);
    CHECK(make_backend(TestType::kind)->name() == TestType::name);
}

BACKEND_CONTRACT("P-256 leaf fields") {
    const auto& backend = backend_under_test<TestType>();
    const auto oracle = read_pem("pki/leaves/valid-p256.pem");
    const auto botan = botan_oracle("pki/leaves/valid-p256.pem");
    const auto cert = backend.parse_certificate(to_der(oracle.get()));
    const auto& f = cert->fields();

    CHECK(f.der == to_der(oracle.get()));
    CHECK(f.version == 3);
    CHECK(f.serial_hex == "2000");
    CHECK_FALSE(f.serial_negative);
    CHECK(f.serial_octets == 2);
    CHECK(f.subject.text() == "CN=valid-p256");
    CHECK(f.subject.common_names() == std::vector<std::string>{"valid-p256"});
    CHECK(f.issuer.text() == "CN=dpslint Production Intermediate CA,O=dpslint Test,C=US");
    REQUIRE(f.issuer.rdns().size() == 3);
    CHECK(f.issuer.rdns()[0].size() == 1);
    CHECK(f.issuer.rdns()[0][0].oid == "2.5.4.6");  // encoding order: C first
    CHECK(f.issuer.rdns()[0][0].short_name == "C");
    CHECK(f.issuer.rdns()[0][0].value == "US");
    CHECK(f.issuer.rdns()[0][0].is_string);
    CHECK(f.issuer.rdns()[2][0].oid == "2.5.4.3");
    CHECK(f.issuer.rdns()[2][0].value == "dpslint Production Intermediate CA");
    CHECK_FALSE(cert->is_self_issued());
    CHECK(f.not_before == make_time(2024, 1, 1));
    CHECK(f.not_after == make_time(2040, 1, 1));

    CHECK(f.public_key.algorithm == KeyAlgorithm::ec);
    CHECK(f.public_key.algorithm_oid == "1.2.840.10045.2.1");
    CHECK(f.public_key.bits == 256);
    CHECK(f.public_key.curve == "P-256");
    CHECK(f.public_key.spki_sha256 == openssl_spki_sha256(oracle.get()));
    CHECK(f.public_key.spki_sha256 == botan_sha256(botan.subject_public_key_info()));

    CHECK(f.signature_algorithm.oid == "1.2.840.10045.4.3.2");
    CHECK(f.signature_algorithm.name == "ecdsa-with-SHA256");
    CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::ec);
    CHECK(f.signature_algorithm.hash == HashAlgorithm::sha256);

    CHECK(f.sha1 == openssl_digest(oracle.get(), EVP_sha1()));
    CHECK(f.sha256 == openssl_digest(oracle.get(), EVP_sha256()));
    CHECK(f.sha1 == without_colons(botan.fingerprint("SHA-1")));
    CHECK(f.sha256 == without_colons(botan.fingerprint("SHA-256")));
    CHECK(f.sha256.size() == 64);

    const auto& e = f.extensions;
    const std::vector<ExtensionInfo> all{{"2.5.29.19", true},
                                         {"2.5.29.15", true},
                                         {"2.5.29.37", false},
                                         {"2.5.29.14", false},
                                         {"2.5.29.35", false}};
    CHECK(e.all == all);
    CHECK(e.unrecognized.empty());
    CHECK_FALSE(e.has_unrecognized_critical());
    REQUIRE(e.basic_constraints);
    CHECK(e.basic_constraints->critical);
    CHECK_FALSE(e.basic_constraints->ca);
    CHECK_FALSE(e.basic_constraints->path_len);
    REQUIRE(e.key_usage);
    CHECK(e.key_usage->critical);
    CHECK(e.key_usage->bits == ku_digital_signature);
    REQUIRE(e.extended_key_usage);
    CHECK_FALSE(e.extended_key_usage->critical);
    CHECK(e.extended_key_usage->oids == std::vector<std::string>{oid_eku_client_auth});
    CHECK(e.extended_key_usage->allows_client_auth());
    REQUIRE(e.subject_key_identifier);
    CHECK_FALSE(e.subject_key_identifier->critical);
    CHECK(e.subject_key_identifier->key_id == openssl_ski(oracle.get()));
    CHECK(e.subject_key_identifier->key_id == Botan::hex_encode(botan.subject_key_id()));
    REQUIRE(e.authority_key_identifier);
    CHECK(e.authority_key_identifier->key_id == Botan::hex_encode(botan.authority_key_id()));
    CHECK(e.authority_key_identifier->issuer_serial.empty());
    CHECK_FALSE(e.subject_alt_name);
    CHECK_FALSE(e.name_constraints);
    CHECK_FALSE(e.certificate_policies);

    // The AKI names the production CA's SKI.
    const auto issuer = load(backend, "pki/ca/production.pem");
    REQUIRE(issuer->extensions().subject_key_identifier);
    CHECK(e.authority_key_identifier->key_id
          == issuer->extensions().subject_key_identifier->key_id);
}

BACKEND_CONTRACT("the DER fixture decodes like its PEM twin") {
    const auto& backend = backend_under_test<TestType>();
    const auto from_der =
        backend.parse_certificate(read_file(testdata("pki/leaves/valid-p256.der")));
    CHECK(from_der->fields() == load(backend, "pki/leaves/valid-p256.pem")->fields());
}

BACKEND_CONTRACT("RSA, P-384 and Ed25519 leaves") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("RSA 2048") {
        const auto oracle = read_pem("pki/leaves/valid-rsa2048.pem");
        const auto cert = backend.parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.subject.text() == "CN=valid-rsa2048");
        CHECK(f.issuer.text() == "CN=dpslint Testing Intermediate CA,O=dpslint Test,C=US");
        CHECK(f.serial_hex == "3000");
        CHECK(f.public_key.algorithm == KeyAlgorithm::rsa);
        CHECK(f.public_key.algorithm_oid == "1.2.840.113549.1.1.1");
        CHECK(f.public_key.bits == 2048);
        CHECK(f.public_key.curve.empty());
        CHECK(f.public_key.spki_sha256 == openssl_spki_sha256(oracle.get()));
        CHECK(f.public_key.spki_sha256
              == botan_sha256(
                  botan_oracle("pki/leaves/valid-rsa2048.pem").subject_public_key_info()));
        CHECK(f.signature_algorithm.name == "sha256WithRSAEncryption");
        CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::rsa);
        CHECK(f.signature_algorithm.hash == HashAlgorithm::sha256);
        REQUIRE(f.extensions.key_usage);
        CHECK(f.extensions.key_usage->bits == (ku_digital_signature | ku_key_encipherment));
        CHECK(f.sha256 == openssl_digest(oracle.get(), EVP_sha256()));
    }
    SECTION("RSA 4096 and 1024") {
        CHECK(load(backend, "pki/leaves/valid-rsa4096.pem")->public_key().bits == 4096);
        CHECK(load(backend, "pki/leaves/rsa1024.pem")->public_key().bits == 1024);
    }
    SECTION("P-384") {
        const auto oracle = read_pem("pki/leaves/valid-p384.pem");
        const auto cert = backend.parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.serial_hex == "2001");
        CHECK(f.public_key.algorithm == KeyAlgorithm::ec);
        CHECK(f.public_key.bits == 384);
        CHECK(f.public_key.curve == "P-384");
        CHECK(f.public_key.spki_sha256 == openssl_spki_sha256(oracle.get()));
        CHECK(f.signature_algorithm.name == "ecdsa-with-SHA256");  // signed by the P-256 CA
    }
    SECTION("Ed25519 leaf under an Ed25519 CA") {
        const auto oracle = read_pem("pki/leaves/valid-ed25519.pem");
        const auto cert = backend.parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.serial_hex == "4000");
        CHECK(f.issuer.text() == "CN=dpslint Development Intermediate CA,O=dpslint Test,C=US");
        CHECK(f.public_key.algorithm == KeyAlgorithm::ed25519);
        CHECK(f.public_key.algorithm_oid == "1.3.101.112");
        CHECK(f.public_key.bits == 256);
        CHECK(f.public_key.curve.empty());
        CHECK(f.public_key.spki_sha256 == openssl_spki_sha256(oracle.get()));
        CHECK(f.signature_algorithm.oid == "1.3.101.112");
        CHECK(f.signature_algorithm.name == "Ed25519");
        CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::ed25519);
        CHECK(f.signature_algorithm.hash == HashAlgorithm::none);
    }
    SECTION("secp256k1") {
        const auto cert = load(backend, "pki/leaves/secp256k1-key.pem");
        CHECK(cert->public_key().curve == "secp256k1");
        CHECK(cert->public_key().bits == 256);
    }
    SECTION("legacy signature hashes still decode") {
        const auto md5 = load(backend, "pki/leaves/md5-signature.pem")->signature_algorithm();
        CHECK(md5.name == "md5WithRSAEncryption");
        CHECK(md5.hash == HashAlgorithm::md5);
        const auto sha1 = load(backend, "pki/leaves/sha1-signature.pem")->signature_algorithm();
        CHECK(sha1.name == "sha1WithRSAEncryption");
        CHECK(sha1.hash == HashAlgorithm::sha1);
    }
}

BACKEND_CONTRACT("CA certificates") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("root: self-issued, GeneralizedTime notAfter, no AKI") {
        const auto oracle = read_pem("pki/ca/root.pem");
        const auto botan = botan_oracle("pki/ca/root.pem");
        const auto cert = backend.parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.version == 3);
        CHECK(f.serial_hex == "1000");
        CHECK(f.subject.text() == "CN=dpslint Test Root CA,O=dpslint Test,C=US");
        CHECK(cert->is_self_issued());
        CHECK(cert->is_ca());
        CHECK(f.not_before == make_time(2020, 1, 1));
        CHECK(f.not_after == make_time(2050, 1, 1));  // encoded as GeneralizedTime
        CHECK(f.public_key.curve == "P-384");
        CHECK(f.public_key.bits == 384);
        CHECK(f.signature_algorithm.name == "ecdsa-with-SHA384");
        CHECK(f.signature_algorithm.hash == HashAlgorithm::sha384);
        CHECK(f.sha1 == openssl_digest(oracle.get(), EVP_sha1()));
        CHECK(f.sha256 == without_colons(botan.fingerprint("SHA-256")));
        const auto& e = f.extensions;
        CHECK(oids(e.all) == std::vector<std::string>{"2.5.29.19", "2.5.29.15", "2.5.29.14"});
        REQUIRE(e.basic_constraints);
        CHECK(e.basic_constraints->ca);
        CHECK(e.basic_constraints->critical);
        CHECK_FALSE(e.basic_constraints->path_len);  // Botan's own API would report a limit here
        REQUIRE(e.key_usage);
        CHECK(e.key_usage->bits == (ku_key_cert_sign | ku_crl_sign));
        REQUIRE(e.subject_key_identifier);
        CHECK(e.subject_key_identifier->key_id == Botan::hex_encode(botan.subject_key_id()));
        CHECK_FALSE(e.authority_key_identifier);
        CHECK(backend.verify_signature(*cert, *cert).ok());
    }
    SECTION("intermediates carry pathLen 0 and point at the root's key") {
        const auto root = load(backend, "pki/ca/root.pem");
        for (const char* file :
             {"pki/ca/production.pem", "pki/ca/testing.pem", "pki/ca/development.pem"}) {
            INFO(file);
            const auto ca = load(backend, file);
            CHECK_FALSE(ca->is_self_issued());
            REQUIRE(ca->extensions().basic_constraints);
            CHECK(ca->extensions().basic_constraints->ca);
            CHECK(ca->extensions().basic_constraints->path_len == 0);
            REQUIRE(ca->extensions().authority_key_identifier);
            CHECK(ca->extensions().authority_key_identifier->key_id
                  == root->extensions().subject_key_identifier->key_id);
            CHECK(ca->issuer() == root->subject());
            CHECK(backend.verify_signature(*ca, *root).ok());
        }
        const auto production = load(backend, "pki/ca/production.pem");
        CHECK(production->serial_hex() == "1001");
        CHECK(production->not_after() == make_time(2045, 1, 1));
        CHECK(production->public_key().curve == "P-256");
        CHECK(load(backend, "pki/ca/testing.pem")->public_key().bits == 2048);
        CHECK(load(backend, "pki/ca/development.pem")->public_key().algorithm
              == KeyAlgorithm::ed25519);
    }
    SECTION("X.509 v1 intermediate") {
        const auto oracle = read_pem("pki/ca/v1-intermediate.pem");
        const auto cert = backend.parse_certificate(to_der(oracle.get()));
        CHECK(cert->version() == 1);
        CHECK(cert->public_key().spki_sha256 == openssl_spki_sha256(oracle.get()));
        CHECK(cert->extensions().all.empty());
        CHECK_FALSE(cert->extensions().basic_constraints);
        CHECK_FALSE(cert->extensions().key_usage);
        CHECK_FALSE(cert->is_ca());
        CHECK(cert->subject().text() == "CN=dpslint V1 Intermediate CA,O=dpslint Test,C=US");
        CHECK(backend.verify_signature(*cert, *load(backend, "pki/ca/root.pem")).ok());
    }
    SECTION("keyUsage without keyCertSign, CA:FALSE issuer, no basicConstraints") {
        CHECK(load(backend, "pki/ca/no-certsign-intermediate.pem")->extensions().key_usage->bits
              == ku_digital_signature);
        const auto not_ca = load(backend, "pki/ca/not-ca-intermediate.pem");
        REQUIRE(not_ca->extensions().basic_constraints);
        CHECK_FALSE(not_ca->extensions().basic_constraints->ca);  // cA FALSE stays FALSE
        CHECK_FALSE(not_ca->is_ca());
        const auto no_bc = load(backend, "pki/ca/no-bc-intermediate.pem");
        CHECK_FALSE(no_bc->extensions().basic_constraints);
        CHECK(no_bc->extensions().key_usage->has(ku_key_cert_sign));
    }
}

BACKEND_CONTRACT("name constraints and subjectAltName fixtures") {
    const auto& backend = backend_under_test<TestType>();
    const auto ca = load(backend, "pki/ca/nc-intermediate.pem");
    const auto& nc = ca->extensions().name_constraints;
    REQUIRE(nc);
    CHECK(nc->critical);
    REQUIRE(nc->permitted.size() == 2);
    CHECK(nc->permitted[0].type == GeneralNameType::directory);
    CHECK(nc->permitted[0].value == "O=dpslint Test,C=US");
    REQUIRE(nc->permitted[0].directory);
    REQUIRE(nc->permitted[0].directory->rdns().size() == 2);
    CHECK(nc->permitted[0].directory->rdns()[0][0].oid == "2.5.4.6");
    CHECK(nc->permitted[0].directory->rdns()[1][0].value == "dpslint Test");
    CHECK(nc->permitted[1] == name_of(GeneralNameType::dns, "devices.example.com"));
    REQUIRE(nc->excluded.size() == 1);
    CHECK(nc->excluded[0] == name_of(GeneralNameType::dns, "blocked.devices.example.com"));
    // The leaves' subjects lie inside / outside the permitted directory subtree.
    CHECK(load(backend, "pki/leaves/nc-ok.pem")
              ->subject()
              .within_subtree(*nc->permitted[0].directory));
    const auto violation = load(backend, "pki/leaves/nc-dirname-violation.pem");
    CHECK(violation->subject().text() == "CN=nc-dir,O=Other Org,C=US");
    CHECK_FALSE(violation->subject().within_subtree(*nc->permitted[0].directory));

    const auto ok = load(backend, "pki/leaves/nc-ok.pem");
    CHECK(ok->subject().text() == "CN=nc-ok,O=dpslint Test,C=US");
    const auto& san = ok->extensions().subject_alt_name;
    REQUIRE(san);
    CHECK_FALSE(san->critical);
    CHECK(san->names
          == std::vector<GeneralName>{name_of(GeneralNameType::dns, "nc-ok.devices.example.com")});
    CHECK(ok->extensions().all.back() == ExtensionInfo{"2.5.29.17", false});

    const auto excluded = load(backend, "pki/leaves/nc-dns-excluded.pem");
    REQUIRE(excluded->extensions().subject_alt_name);
    CHECK(excluded->extensions().subject_alt_name->names[0].value
          == "x.blocked.devices.example.com");
    CHECK(backend.verify_signature(*ok, *ca).ok());
}

BACKEND_CONTRACT("an unknown critical extension is listed as unrecognized") {
    const auto& backend = backend_under_test<TestType>();
    const auto cert = load(backend, "pki/leaves/unknown-critical-extension.pem");
    const ExtensionInfo unknown{"1.3.6.1.4.1.55555.1", true};
    CHECK(cert->extensions().all.size() == 6);
    CHECK(cert->extensions().all.back() == unknown);
    CHECK(cert->extensions().unrecognized == std::vector<ExtensionInfo>{unknown});
    CHECK(cert->extensions().has_unrecognized_critical());
    // The recognised ones are still decoded.
    CHECK(cert->extensions().basic_constraints);
    CHECK(cert->extensions().extended_key_usage);
    CHECK_FALSE(
        load(backend, "pki/leaves/valid-p256.pem")->extensions().has_unrecognized_critical());
}

BACKEND_CONTRACT("describe_public_key matches the certificate's key") {
    const auto& backend = backend_under_test<TestType>();
    for (const char* file :
         {"pki/leaves/valid-p256.pem", "pki/leaves/valid-p384.pem", "pki/leaves/valid-rsa2048.pem",
          "pki/leaves/valid-ed25519.pem", "pki/ca/root.pem", "pki/leaves/secp256k1-key.pem"}) {
        INFO(file);
        const auto oracle = read_pem(file);
        const auto cert = backend.parse_certificate(to_der(oracle.get()));
        CHECK(backend.describe_public_key(openssl_spki_der(oracle.get())) == cert->public_key());
        const auto spki = botan_oracle(file).subject_public_key_info();
        CHECK(backend.describe_public_key(Bytes(spki.begin(), spki.end())) == cert->public_key());
    }
    CHECK_THROWS_AS(backend.describe_public_key(Bytes{}), ParseError);
    CHECK_THROWS_AS(backend.describe_public_key(hex("3003020101")), ParseError);
    CHECK_THROWS_AS(backend.describe_public_key(to_bytes("not a key")), ParseError);
    Bytes trailing = openssl_spki_der(read_pem("pki/leaves/valid-p256.pem").get());
    trailing.push_back(0);
    CHECK_THROWS_WITH(backend.describe_public_key(trailing),
                      "trailing bytes after SubjectPublicKeyInfo");
    trailing.pop_back();
    Bytes ber{0x30, 0x80};  // the same SPKI with an indefinite outer length
    ber.insert(ber.end(), trailing.begin() + 2, trailing.end());
    ber.insert(ber.end(), {0x00, 0x00});
    CHECK_THROWS_WITH(backend.describe_public_key(ber),
                      "not a DER SubjectPublicKeyInfo: indefinite length (BER, not DER)");
}

BACKEND_CONTRACT("spki_sha256 hashes the SPKI bytes as they are in the certificate") {
    const auto& backend = backend_under_test<TestType>();
    // An Ed25519 SPKI whose BIT STRING claims one unused bit: OpenSSL clears that bit when it
    // decodes, so re-encoding its key would hash different bytes.
    Bytes der = fixture_der("pki/leaves/valid-ed25519.pem");
    const Bytes prefix = hex("302A300506032B6570032100");
    const auto at = std::search(der.begin(), der.end(), prefix.begin(), prefix.end());
    REQUIRE(at != der.end());
    *(at + 11) = 0x01;
    *(at + 43) |= 0x01;  // the bit the unused-bits count disowns
    const Bytes spki(at, at + 44);
    const auto cert = backend.parse_certificate(der);
    CHECK(cert->public_key().spki_sha256 == sha256_hex(spki));
    CHECK(backend.describe_public_key(spki).spki_sha256 == cert->public_key().spki_sha256);
}

// ---------------------------------------------------------------------------------------------
// Signatures

BACKEND_CONTRACT("verify_signature") {
    const auto& backend = backend_under_test<TestType>();
    const auto root = load(backend, "pki/ca/root.pem");
    const auto production = load(backend, "pki/ca/production.pem");
    const auto testing = load(backend, "pki/ca/testing.pem");
    const auto development = load(backend, "pki/ca/development.pem");

    SECTION("valid signatures of every key type") {
        CHECK(backend.verify_signature(*root, *root).ok());  // self-signed
        CHECK(backend.verify_signature(*production, *root).ok());
        CHECK(backend.verify_signature(*development, *root).ok());
        for (const auto& [leaf, issuer] : {std::pair{"pki/leaves/valid-p256.pem", production},
                                           {"pki/leaves/valid-p384.pem", production},
                                           {"pki/leaves/valid-rsa2048.pem", testing},
                                           {"pki/leaves/valid-rsa4096.pem", testing},
                                           {"pki/leaves/valid-ed25519.pem", development},
                                           {"pki/leaves/sha1-signature.pem", testing}}) {
            INFO(leaf);
            CHECK(backend.verify_signature(*load(backend, leaf), *issuer).ok());
        }
        const auto v1 = load(backend, "pki/ca/v1-intermediate.pem");
        CHECK(backend.verify_signature(*v1, *root).ok());
        CHECK(backend.verify_signature(*load(backend, "pki/leaves/v1-intermediate.pem"), *v1).ok());
    }
    SECTION("a flipped signature byte is invalid") {
        const auto check =
            backend.verify_signature(*load(backend, "pki/leaves/bad-signature.pem"), *production);
        CHECK(check.status == SignatureStatus::invalid);
        CHECK_FALSE(check.ok());
        CHECK(check.detail.rfind("signature does not verify", 0) == 0);
    }
    SECTION("the wrong issuer key is invalid") {
        const auto leaf = load(backend, "pki/leaves/valid-p256.pem");
        CHECK(backend.verify_signature(*leaf, *root).status == SignatureStatus::invalid);
        CHECK(
            backend.verify_signature(*leaf, *load(backend, "pki/ca/impostor-production.pem")).status
            == SignatureStatus::invalid);
        CHECK(
            backend.verify_signature(*load(backend, "pki/leaves/same-dn-impostor.pem"), *production)
                .status
            == SignatureStatus::invalid);
        // An EC signature under an RSA key.
        const auto wrong_type = backend.verify_signature(*leaf, *testing);
        CHECK(wrong_type.status == SignatureStatus::invalid);
    }
    SECTION("a P-256 point off the curve is refused when parsed") {
        // The point's first X octet changed: still 65 octets, no longer on the curve.
        const Bytes der = flip_after(fixture_der("pki/leaves/valid-p256.pem"),
                                     hex("06082A8648CE3D030107034200"), 1, 0x01);
        CHECK(parse_error(backend, der)
              == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.840.10045.2.1"), oid("1.2.840.10045.3.1.7")}),
                        bits(cat({raw({0x04}), Bytes(64, 0x00)}))});
        CHECK(parse_error(backend, tbs.der())
              == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
    }
    SECTION("an issuer key that cannot be decoded is unsupported, a leaf's key is not decoded") {
        // A secp256k1 point off the curve: curves other than P-256/384/521 are not checked when
        // the certificate is parsed, which leaves the size unknown.
        const auto off_curve = backend.parse_certificate(flip_after(
            fixture_der("pki/leaves/secp256k1-key.pem"), hex("06052B8104000A034200"), 1, 0x01));
        CHECK(off_curve->public_key().algorithm == KeyAlgorithm::ec);
        CHECK(off_curve->public_key().bits == 0);
        CHECK(off_curve->public_key().curve == "secp256k1");
        // Under the production CA, whose key is fine, its signature is checked (and fails: the
        // signed bytes changed).
        CHECK(backend.verify_signature(*off_curve, *production).status == SignatureStatus::invalid);
        // As an issuer its key has to be decoded, and the point is refused.
        const auto check = backend.verify_signature(*off_curve, *off_curve);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail.rfind("issuer public key unusable", 0) == 0);
        // Asked again (the decode happens once), the answer is the same.
        CHECK(backend.verify_signature(*production, *off_curve).detail == check.detail);
    }
    SECTION("certificates of another backend are unsupported") {
        const auto leaf = load(backend, "pki/leaves/valid-p256.pem");
        for (const Certificate& foreign :
             {Certificate(production->fields(), nullptr),
              Certificate(production->fields(), std::make_shared<ForeignNative>())}) {
            const auto check = backend.verify_signature(*leaf, foreign);
            CHECK(check.status == SignatureStatus::unsupported);
            CHECK_FALSE(check.detail.empty());
            CHECK(backend.verify_signature(foreign, *root).status == SignatureStatus::unsupported);
        }
    }
    SECTION("an algorithm the backend cannot check is unsupported") {
        Bytes der = Builder().key(shared_rsa()).sign(shared_rsa(), EVP_sha256());
        // sha256WithRSAEncryption -> md2WithRSAEncryption, in both signature fields.
        replace_all(der, hex("06092A864886F70D01010B"), hex("06092A864886F70D010102"));
        const auto cert = backend.parse_certificate(der);
        CHECK(cert->signature_algorithm().name == "md2WithRSAEncryption");
        CHECK(cert->signature_algorithm().hash == HashAlgorithm::unknown);
        const auto check = backend.verify_signature(*cert, *cert);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK_FALSE(check.detail.empty());

        Tbs tbs;
        tbs.signature = tbs.outer_signature = seq({oid("1.2.3.4.5")});
        const auto unknown = parse(backend, tbs);
        CHECK(unknown->signature_algorithm().name == "1.2.3.4.5");
        CHECK(backend.verify_signature(*unknown, *production).status
              == SignatureStatus::unsupported);
    }
    SECTION("signatureAlgorithm differing from tbsCertificate.signature is invalid") {
        Bytes der = Builder().key(shared_rsa()).sign(shared_rsa(), EVP_sha256());
        // Only the outer signatureAlgorithm (the last occurrence) becomes sha512WithRSA.
        const Bytes from = hex("06092A864886F70D01010B");
        const auto it = std::find_end(der.begin(), der.end(), from.begin(), from.end());
        REQUIRE(it != der.end());
        *(it + 10) = 0x0D;
        const auto cert = backend.parse_certificate(der);
        CHECK(cert->signature_algorithm().name == "sha512WithRSAEncryption");
        const auto check = backend.verify_signature(*cert, *cert);
        CHECK(check.status == SignatureStatus::invalid);

        Tbs tbs;
        tbs.signature = seq({oid("1.2.840.10045.4.3.3")});
        const auto inner = parse(backend, tbs);
        CHECK(inner->signature_algorithm().name == "ecdsa-with-SHA256");  // the outer one
        CHECK(backend.verify_signature(*inner, *production).status == SignatureStatus::invalid);
    }
}

BACKEND_CONTRACT("verify_signature and parsing from many threads") {
    const auto& backend = backend_under_test<TestType>();
    const auto issuer = load(backend, "pki/ca/production.pem");
    const Bytes good_der = fixture_der("pki/leaves/valid-p256.pem");
    const auto good = backend.parse_certificate(good_der);
    const auto bad = load(backend, "pki/leaves/bad-signature.pem");
    const std::string bad_detail = backend.verify_signature(*bad, *issuer).detail;
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                if (!backend.verify_signature(*good, *issuer).ok())
                    ++wrong;
                const auto check = backend.verify_signature(*bad, *issuer);
                if (check.status != SignatureStatus::invalid || check.detail != bad_detail)
                    ++wrong;
                if (i % 4 == 0 && backend.parse_certificate(good_der)->fields() != good->fields())
                    ++wrong;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    CHECK(wrong == 0);
}

// ---------------------------------------------------------------------------------------------
// Garbage

BACKEND_CONTRACT("inputs that are not one certificate throw ParseError") {
    const auto& backend = backend_under_test<TestType>();
    CHECK(parse_error(backend, {}) == "not a DER certificate: empty input");
    for (const char* file : {"pki/malformed/garbage.bin", "pki/malformed/truncated.der",
                             "pki/malformed/text-only.pem", "pki/malformed/bad-base64.pem"}) {
        INFO(file);
        const std::string message = parse_error(backend, read_file(testdata(file)));
        CHECK(message.rfind("not a DER certificate: ", 0) == 0);
        CHECK(message.size() > std::string("not a DER certificate: ").size());
        require_one_line(message);
    }

    Bytes der = fixture_der("pki/leaves/valid-p256.pem");
    der.push_back(0x00);
    CHECK(parse_error(backend, der) == "trailing bytes after certificate");
    der.pop_back();
    // Two certificates back to back are not one certificate either.
    Bytes two = der;
    two.insert(two.end(), der.begin(), der.end());
    CHECK(parse_error(backend, two) == "trailing bytes after certificate");

    // A CSR is a SEQUENCE too, but not a certificate.
    const std::string csr = parse_error(backend, csr_der("pki/malformed/csr.pem"));
    CHECK(csr != "no error");
    require_one_line(csr);
}

BACKEND_CONTRACT("only DER is accepted") {
    const auto& backend = backend_under_test<TestType>();
    const Bytes der = fixture_der("pki/leaves/valid-p256.pem");
    REQUIRE(der[0] == 0x30);
    REQUIRE(der[1] == 0x82);  // long-form length in two octets
    SECTION("indefinite length") {
        Bytes ber{0x30, 0x80};
        ber.insert(ber.end(), der.begin() + 4, der.end());
        ber.insert(ber.end(), {0x00, 0x00});
        CHECK(parse_error(backend, ber)
              == "not a DER certificate: indefinite length (BER, not DER)");
    }
    SECTION("non-minimal length") {
        Bytes ber{0x30, 0x83, 0x00};
        ber.insert(ber.end(), der.begin() + 2, der.end());
        CHECK(parse_error(backend, ber) == "not a DER certificate: non-minimal length encoding");
    }
    SECTION("PEM text is named as such") {
        CHECK(parse_error(backend, read_file(testdata("pki/leaves/valid-p256.pem")))
              == "not a DER certificate: PEM text (decode it first)");
    }
    SECTION("inside the TBS too") {
        const Bytes name = seq({cn("synthetic")});
        Tbs non_minimal;  // the subject's length in the long form
        non_minimal.subject =
            cat({raw({0x30, 0x81, name[1]}), Bytes(name.begin() + 2, name.end())});
        CHECK(parse_error(backend, non_minimal.der()).find("non-minimal length")
              != std::string::npos);
        Tbs indefinite;
        indefinite.subject =
            cat({raw({0x30, 0x80}), Bytes(name.begin() + 2, name.end()), raw({0, 0})});
        CHECK(parse_error(backend, indefinite.der()).find("indefinite length")
              != std::string::npos);
        Tbs constructed;  // a constructed (BER) string
        constructed.subject = seq({set({attribute("2.5.4.3", tlv(0x2C, utf8("x")))})});
        CHECK(parse_error(backend, constructed.der()).find("must be primitive")
              != std::string::npos);
        CHECK(parse_error(backend, Tbs().der()) == "no error");
    }
}

BACKEND_CONTRACT("every truncation and byte flip fails cleanly") {
    const auto& backend = backend_under_test<TestType>();
    for (const char* file : {"pki/leaves/nc-ok.pem", "pki/leaves/valid-p256.pem"}) {
        INFO(file);
        const Bytes der = fixture_der(file);
        for (std::size_t length = 0; length < der.size(); ++length) {
            const Bytes prefix(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(length));
            CHECK_THROWS_AS(backend.parse_certificate(prefix), ParseError);
        }
        // Flipped bytes either still decode or throw ParseError; nothing else escapes.
        int parsed = 0;
        for (std::size_t i = 0; i < der.size(); ++i) {
            for (const std::uint8_t mask : {0x01, 0x80, 0xFF}) {
                Bytes flipped = der;
                flipped[i] = static_cast<std::uint8_t>(flipped[i] ^ mask);
                try {
                    backend.parse_certificate(flipped);
                    ++parsed;
                } catch (const ParseError& e) {
                    const std::string message = e.what();
                    if (message.find('\n') != std::string::npos || message.empty())
                        FAIL("bad message at byte " << i << ": " << message);
                }
            }
        }
        CHECK(parsed > 0);  // flips inside the signature or key still parse
    }
}

// ---------------------------------------------------------------------------------------------
// Built in memory

BACKEND_CONTRACT("serial numbers") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("signed by OpenSSL") {
        struct Case {
            const char* magnitude;
            bool negative;
            const char* hex;
            std::size_t octets;
        };
        const std::string twenty_ff(40, 'F');
        const Case cases[] = {
            {"0", false, "00", 1},
            {"7F", false, "7F", 1},
            {"80", false, "80", 2},
            {"0100", false, "0100", 2},
            {"1", true, "01", 1},
            {"80", true, "80", 1},
            {"81", true, "81", 2},
            {"8000", true, "8000", 2},
            {"8001", true, "8001", 3},
            {"FF", true, "FF", 2},
            {twenty_ff.c_str(), false, twenty_ff.c_str(), 21},
        };
        for (const auto& c : cases) {
            INFO(c.magnitude << (c.negative ? " negative" : ""));
            const auto cert =
                backend.parse_certificate(Builder().serial(c.magnitude, c.negative).sign());
            CHECK(cert->fields().serial_hex == c.hex);
            CHECK(cert->fields().serial_negative
                  == (c.negative && std::string(c.magnitude) != "0"));
            CHECK(cert->fields().serial_octets == c.octets);
        }
    }
    SECTION("assembled from INTEGER contents") {
        struct Case {
            Bytes content;
            std::string hex;
            bool negative;
            std::size_t octets;
        };
        const std::vector<Case> cases{
            {raw({0x00}), "00", false, 1},
            {raw({0x01}), "01", false, 1},
            {raw({0x00, 0x80, 0x11, 0x22, 0x33}), "80112233", false, 5},
            {raw({0xFB}), "05", true, 1},
            {raw({0x80}), "80", true, 1},
            {raw({0xFF, 0x7F}), "81", true, 2},
            {raw({0xFF, 0x00}), "0100", true, 2},
        };
        for (const auto& c : cases) {
            Tbs tbs;
            tbs.serial = integer(c.content);
            const auto cert = parse(backend, tbs);
            INFO(c.hex);
            CHECK(cert->fields().serial_hex == c.hex);
            CHECK(cert->fields().serial_negative == c.negative);
            CHECK(cert->fields().serial_octets == c.octets);
        }
        Bytes twenty(20, 0x11);
        twenty[0] = 0x7F;
        Tbs tbs20;
        tbs20.serial = integer(twenty);
        CHECK(parse(backend, tbs20)->fields().serial_octets == 20);
        Tbs tbs21;
        tbs21.serial = integer(cat({raw({0x00}), Bytes(20, 0x91)}));
        CHECK(parse(backend, tbs21)->fields().serial_octets == 21);
        CHECK(parse(backend, tbs21)->fields().serial_hex == to_hex_upper(Bytes(20, 0x91)));
    }
    SECTION("an empty or padded INTEGER is not DER") {
        Tbs empty;
        empty.serial = integer(Bytes{});
        CHECK(parse_error(backend, empty.der()).find("empty INTEGER") != std::string::npos);
        Tbs padded;
        padded.serial = integer(raw({0x00, 0x01}));
        CHECK(parse_error(backend, padded.der()).find("non-minimal") != std::string::npos);
    }
}

BACKEND_CONTRACT("validity times") {
    const auto& backend = backend_under_test<TestType>();
    const auto times = [&](const Bytes& before, const Bytes& after) {
        Tbs tbs;
        tbs.validity = seq({before, after});
        return tbs.der();
    };
    SECTION("UTCTime 1950 and GeneralizedTime 9999") {
        const auto cert = backend.parse_certificate(
            Builder().validity("500101000000Z", "99991231235959Z").sign());
        CHECK(cert->not_before() == make_time(1950, 1, 1));
        CHECK(cert->not_after() == make_time(9999, 12, 31, 23, 59, 59));
        CHECK(format_rfc3339(cert->not_after()) == "9999-12-31T23:59:59Z");
    }
    SECTION("the UTCTime/GeneralizedTime boundary") {
        const auto cert = backend.parse_certificate(
            Builder().validity("491231235959Z", "20500101000000Z").sign());
        CHECK(cert->not_before() == make_time(2049, 12, 31, 23, 59, 59));
        CHECK(cert->not_after() == make_time(2050, 1, 1));
        CHECK(format_rfc3339(cert->not_before()) == "2049-12-31T23:59:59Z");
        const auto year_one = backend.parse_certificate(
            times(text(0x17, "491231235959Z"), text(0x18, "00010101000000Z")));
        CHECK(year_one->not_after() == make_time(1, 1, 1));
    }
    SECTION("leap day") {
        const auto cert = backend.parse_certificate(
            Builder().validity("20240229123456Z", "21000228000000Z").sign());
        CHECK(cert->not_before() == make_time(2024, 2, 29, 12, 34, 56));
        CHECK(cert->not_after() == make_time(2100, 2, 28));
        CHECK(
            backend
                .parse_certificate(times(text(0x17, "240229120000Z"), text(0x17, "400101000000Z")))
                ->not_before()
            == make_time(2024, 2, 29, 12));
    }
    SECTION("only the RFC 5280 forms") {
        CHECK(parse_error(backend, Builder()
                                       .validity("240101000000Z", "20400101000000Z")
                                       .raw_time(true, "2401010000Z")
                                       .sign())
              == "malformed notBefore time");
        CHECK(parse_error(backend, Builder()
                                       .validity("240101000000Z", "20400101000000Z")
                                       .raw_time(true, "240101000000+0100")
                                       .sign())
              == "malformed notBefore time");
        CHECK(parse_error(backend, Builder()
                                       .validity("240101000000Z", "20500101000000Z")
                                       .raw_time(false, "20500101000000.5Z")
                                       .sign())
              == "malformed notAfter time");
        CHECK(parse_error(backend, Builder()
                                       .validity("240101000000Z", "20500101000000Z")
                                       .raw_time(false, "20500101000000")
                                       .sign())
              == "malformed notAfter time");
        for (const auto& bad : {text(0x17, "240230000000Z"), text(0x17, "240101000060Z"),
                                text(0x17, "24010100000AZ"), text(0x18, "240101000000Z")}) {
            CHECK(parse_error(backend, times(bad, text(0x17, "400101000000Z")))
                  == "malformed notBefore time");
        }
        CHECK(parse_error(backend, times(text(0x17, "240101000000Z"), text(0x17, "401301000000Z")))
              == "malformed notAfter time");
        // A time of neither type: each backend words it its own way.
        const std::string wrong_type =
            parse_error(backend, times(printable("240101000000Z"), text(0x17, "400101000000Z")));
        CHECK(wrong_type != "no error");
        require_one_line(wrong_type);
    }
}

BACKEND_CONTRACT("distinguished names") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("multi-valued RDN, BMPString, non-string values") {
        X509_NAME* name = X509_NAME_new();
        Builder::add_text(name, "C", "US");
        Builder::add_text(name, "O", "Org");
        Builder::add_text(name, "OU", "Unit", -1);  // same RDN as O
        Builder::add_typed(name, "2.5.4.11", V_ASN1_BMPSTRING, {0x00, 0xE9, 0x00, 0x74});
        Builder::add_typed(name, "2.5.4.12", V_ASN1_T61STRING, {'T', 0xE9});
        Builder::add_typed(name, "1.2.3.4", V_ASN1_BIT_STRING, {0xA0});
        Builder::add_typed(name, "1.2.3.5", V_ASN1_SEQUENCE, {0x30, 0x00});
        Builder::add_text(name, "CN", "Zo\xC3\xAB, \"quoted\"");
        const auto cert = backend.parse_certificate(Builder().subject(name).sign());
        X509_NAME_free(name);

        const auto& rdns = cert->subject().rdns();
        REQUIRE(rdns.size() == 7);
        REQUIRE(rdns[1].size() == 2);
        CHECK(rdns[1][0].oid == "2.5.4.10");
        CHECK(rdns[1][1].oid == "2.5.4.11");
        CHECK(rdns[1][1].value == "Unit");
        CHECK(rdns[2][0].value == "\xC3\xA9t");  // BMPString "ét" as UTF-8
        CHECK(rdns[2][0].is_string);
        CHECK(rdns[3][0].value == "T\xC3\xA9");  // TeletexString read as Latin-1
        CHECK(rdns[4][0].oid == "1.2.3.4");
        CHECK_FALSE(rdns[4][0].is_string);
        CHECK(rdns[4][0].value == "#030205A0");  // the BIT STRING's DER
        CHECK_FALSE(rdns[5][0].is_string);
        CHECK(rdns[5][0].value == "#3000");
        CHECK(rdns[6][0].value == "Zo\xC3\xAB, \"quoted\"");
        CHECK(cert->subject().text() ==
              "CN=Zo\xC3\xAB\\, \\\"quoted\\\",1.2.3.5=#3000,1.2.3.4=#030205A0,title=T\xC3\xA9,"
              "OU=\xC3\xA9t,O=Org+OU=Unit,C=US");
        CHECK(cert->issuer().text() == "CN=synthetic");
    }
    SECTION("multi-valued RDNs stay grouped, in encoding order") {
        Tbs tbs;
        tbs.subject =
            seq({set({attribute("2.5.4.6", printable("US"))}),
                 set({attribute("2.5.4.11", utf8("IoT")), attribute("2.5.4.10", utf8("Contoso"))}),
                 cn("dev+1,x")});
        const auto cert = parse(backend, tbs);
        const auto& rdns = cert->subject().rdns();
        REQUIRE(rdns.size() == 3);
        REQUIRE(rdns[1].size() == 2);
        CHECK(rdns[1][0].oid == "2.5.4.11");
        CHECK(rdns[1][1].oid == "2.5.4.10");
        CHECK(cert->subject().text() == "CN=dev\\+1\\,x,OU=IoT+O=Contoso,C=US");
        CHECK(cert->subject().common_names() == std::vector<std::string>{"dev+1,x"});
    }
    SECTION("string types become UTF-8") {
        Tbs tbs;
        tbs.subject = seq({
            set({attribute("2.5.4.10", tlv(0x1E, raw({0x00, 'G', 0x00, 0xFC})))}),   // BMPString
            set({attribute("2.5.4.11", tlv(0x1C, raw({0x00, 0x01, 0xD1, 0x1E})))}),  // Universal
            set({attribute("2.5.4.7", tlv(0x14, raw({'K', 0xF6, 'l', 'n'})))}),      // Teletex
            set({attribute("2.5.4.5", text(0x12, "0123"))}),                         // Numeric
            set({attribute("1.2.840.113549.1.9.1", ia5("a@b.example"))}),
            set({attribute("0.9.2342.19200300.100.1.25", ia5("example"))}),
            cn("device\xC3\xA9"),
        });
        const auto cert = parse(backend, tbs);
        const auto& rdns = cert->subject().rdns();
        CHECK(rdns[0][0].value == "G\xC3\xBC");
        CHECK(rdns[1][0].value == "\xF0\x9D\x84\x9E");
        CHECK(rdns[2][0].value == "K\xC3\xB6ln");
        CHECK(rdns[3][0].value == "0123");
        CHECK(rdns[4][0].short_name == "emailAddress");
        CHECK(rdns[5][0].short_name == "DC");
        CHECK(rdns[6][0].value == "device\xC3\xA9");
        for (const auto& rdn : rdns)
            CHECK(rdn[0].is_string);
    }
    SECTION("a SEQUENCE value is kept as #hex of its DER") {
        Tbs tbs;
        const Bytes value = seq({utf8("x")});
        tbs.subject = seq({set({attribute("1.2.3.4", value)})});
        const auto cert = parse(backend, tbs);
        const auto& ava = cert->subject().rdns()[0][0];
        CHECK_FALSE(ava.is_string);
        CHECK(ava.value == "#" + to_hex_upper(value));
        CHECK(ava.value == "#30030C0178");
    }
    SECTION("a BIT STRING value is printed as OpenSSL re-encodes it") {
        Tbs tbs;
        tbs.subject = seq({set({attribute("1.2.3.4", tlv(0x03, raw({0x01, 0x03})))}),
                           set({attribute("1.2.3.5", tlv(0x03, raw({0x05})))})});
        const auto cert = parse(backend, tbs);
        CHECK(cert->subject().rdns()[0][0].value == "#03020102");  // padding bit cleared
        CHECK(cert->subject().rdns()[1][0].value == "#030100");    // no octets, no unused bits
    }
    SECTION("an empty name") {
        X509_NAME* name = X509_NAME_new();
        const auto cert = backend.parse_certificate(Builder().subject(name).sign());
        X509_NAME_free(name);
        CHECK(cert->subject().empty());
        CHECK(cert->subject().text().empty());
        Tbs tbs;
        tbs.subject = seq({});
        const auto assembled = parse(backend, tbs);
        CHECK(assembled->subject().empty());
        CHECK(assembled->label() == "(empty subject, serial 01)");
    }
    SECTION("names OpenSSL's own decoder refuses are refused") {
        const auto name_error = [&](const Bytes& value) {
            Tbs tbs;
            tbs.issuer = seq({set({attribute("2.5.4.3", value)})});
            return parse_error(backend, tbs.der());
        };
        CHECK(name_error(tlv(0x0C, raw({'b', 0xFF}))) != "no error");  // not UTF-8
        CHECK(name_error(tlv(0x1E, raw({0x00, 'a', 'b'}))) != "no error");
        CHECK(name_error(tlv(0x1E, raw({0xD8, 0x00}))) != "no error");
        CHECK(name_error(text(0x1A, "visible")) != "no error");
        CHECK(name_error(integer(raw({0x05}))) != "no error");
        CHECK(name_error(tlv(0x03, raw({0x08, 0x00}))) != "no error");  // 8 unused bits
        CHECK(name_error(tlv(0x2C, utf8("x"))) != "no error");          // constructed UTF8String
        CHECK(name_error(tlv(0x10, raw({'a', 'b'}))) != "no error");    // primitive SEQUENCE

        X509_NAME* name = X509_NAME_new();
        Builder::add_typed(name, "2.5.4.11", V_ASN1_PRINTABLESTRING, {'v', 'i', 's'});
        Bytes visible = Builder().subject(name).sign();
        X509_NAME_free(name);
        replace_all(visible, hex("060355040B1303766973"), hex("060355040B1A03766973"));
        CHECK(parse_error(backend, visible) != "no error");
    }
    SECTION("empty RDNs are refused") {
        X509_NAME* name = X509_NAME_new();
        Builder::add_text(name, "C", "US");
        Builder::add_text(name, "CN", "a");
        Bytes der = Builder().subject(name).sign();
        X509_NAME_free(name);
        // SET {C=US} -> SET {} followed by SET {1.2=US}: same length, the first RDN now empty.
        replace_all(der, hex("310B3009060355040613025553"), hex("31003109300706012A0C025553"));
        CHECK(parse_error(backend, der)
              == "malformed subject name: empty RelativeDistinguishedName");
        Tbs empty_rdn;
        empty_rdn.subject = seq({set({})});
        CHECK(parse_error(backend, empty_rdn.der())
              == "malformed subject name: empty RelativeDistinguishedName");
        // The same inside a directoryName makes the extension malformed.
        CHECK(extension_problem(backend,
                                Builder().raw_ext("2.5.29.17", false, "3006A40430023100").sign())
              == "malformed subjectAltName extension");
    }
}

BACKEND_CONTRACT("keys and signature algorithms built in memory") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("Ed448") {
        const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448"));
        REQUIRE(key);
        const auto cert =
            backend.parse_certificate(Builder().key(key.get()).sign(key.get(), nullptr));
        CHECK(cert->public_key().algorithm == KeyAlgorithm::ed448);
        CHECK(cert->public_key().bits == 456);
        CHECK(cert->signature_algorithm().name == "Ed448");
        CHECK(cert->signature_algorithm().hash == HashAlgorithm::none);
    }
    SECTION("P-521") {
        const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521"));
        const auto cert =
            backend.parse_certificate(Builder().key(key.get()).sign(key.get(), EVP_sha512()));
        CHECK(cert->public_key().curve == "P-521");
        CHECK(cert->public_key().bits == 521);
        CHECK(cert->signature_algorithm().name == "ecdsa-with-SHA512");
        CHECK(backend.verify_signature(*cert, *cert).ok());
    }
    SECTION("X25519: unknown key algorithm, no size") {
        const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
        const auto cert = backend.parse_certificate(Builder().key(key.get()).sign());
        CHECK(cert->public_key().algorithm == KeyAlgorithm::unknown);
        CHECK(cert->public_key().algorithm_oid == "1.3.101.110");
        CHECK(cert->public_key().bits == 0);
        CHECK(cert->public_key().curve.empty());
        CHECK(cert->public_key().spki_sha256.size() == 64);
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.3.101.110")}), bits(Bytes(32, 0x09))});
        CHECK(parse(backend, tbs)->public_key().algorithm == KeyAlgorithm::unknown);
    }
    SECTION("an unknown key algorithm decodes with bits 0") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.3.4.5")}), bits(raw({0x01, 0x02}))});
        const auto cert = parse(backend, tbs);
        const auto& key = cert->public_key();
        CHECK(key.algorithm == KeyAlgorithm::unknown);
        CHECK(key.algorithm_oid == "1.2.3.4.5");
        CHECK(key.bits == 0);
        CHECK(key.curve.empty());
        CHECK(key.spki_sha256 == sha256_hex(tbs.spki));
        CHECK(backend.describe_public_key(tbs.spki) == key);
    }
    SECTION("a point off another curve keeps its curve but has no size") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.840.10045.2.1"), oid("1.3.132.0.10")}),
                        bits(cat({raw({0x04}), Bytes(64, 0x00)}))});
        const auto cert = parse(backend, tbs);
        CHECK(cert->public_key().algorithm == KeyAlgorithm::ec);
        CHECK(cert->public_key().curve == "secp256k1");
        CHECK(cert->public_key().bits == 0);
    }
    SECTION("a curve dpslint has no name for is shown by OID") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.840.10045.2.1"), oid("1.3.132.0.1")}),
                        bits(cat({raw({0x04}), Bytes(64, 0x00)}))});
        CHECK(parse(backend, tbs)->public_key().curve == "1.3.132.0.1");
    }
    SECTION("Ed25519 keys must have no parameters") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.3.101.112"), tlv(0x05, {})}), bits(Bytes(32, 0x01))});
        CHECK(parse(backend, tbs)->public_key().bits == 0);
    }
    SECTION("an RSA key the backend refuses still reports its modulus size") {
        Tbs tbs;
        const Bytes rsa_key = seq({integer(cat({raw({0x00}), Bytes(256, 0xC3)})),
                                   integer(raw({0x01, 0x00, 0x02}))});  // even exponent
        tbs.spki = seq({seq({oid("1.2.840.113549.1.1.1"), tlv(0x05, {})}), bits(rsa_key)});
        const auto cert = parse(backend, tbs);
        CHECK(cert->public_key().algorithm == KeyAlgorithm::rsa);
        CHECK(cert->public_key().bits == 2048);
        Tbs subject;
        subject.signature = subject.outer_signature = seq({oid("1.2.840.113549.1.1.11")});
        const auto check = backend.verify_signature(*parse(backend, subject), *cert);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail.rfind("issuer public key unusable", 0) == 0);
    }
    SECTION("RSASSA-PSS carries its hash in the parameters") {
        const auto pss = [&](const EVP_MD* md) {
            Builder builder;
            builder.key(shared_rsa());
            EVP_MD_CTX* ctx = EVP_MD_CTX_new();
            EVP_PKEY_CTX* pctx = nullptr;
            REQUIRE(EVP_DigestSignInit(ctx, &pctx, md, nullptr, shared_rsa()) == 1);
            REQUIRE(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1);
            REQUIRE(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1);
            REQUIRE(X509_sign_ctx(builder.get(), ctx) > 0);
            EVP_MD_CTX_free(ctx);
            return backend.parse_certificate(to_der(builder.get()));
        };
        const auto sha384 = pss(EVP_sha384());
        CHECK(sha384->signature_algorithm().oid == "1.2.840.113549.1.1.10");
        CHECK(sha384->signature_algorithm().name == "RSASSA-PSS");
        CHECK(sha384->signature_algorithm().key_algorithm == KeyAlgorithm::rsa);
        CHECK(sha384->signature_algorithm().hash == HashAlgorithm::sha384);
        CHECK(backend.verify_signature(*sha384, *sha384).ok());
        // SHA-1 is the default: OpenSSL leaves hashAlgorithm out of the parameters.
        CHECK(pss(EVP_sha1())->signature_algorithm().hash == HashAlgorithm::sha1);
    }
    SECTION("RSASSA-PSS parameters assembled by hand") {
        const auto pss = [&](const std::optional<Bytes>& params) {
            Tbs tbs;
            tbs.signature = tbs.outer_signature = params
                                                      ? seq({oid("1.2.840.113549.1.1.10"), *params})
                                                      : seq({oid("1.2.840.113549.1.1.10")});
            return parse(backend, tbs)->signature_algorithm();
        };
        const auto sha384 = pss(seq(
            {context(0, seq({oid("2.16.840.1.101.3.4.2.2")}), true),
             context(1, seq({oid("1.2.840.113549.1.1.8"), seq({oid("2.16.840.1.101.3.4.2.2")})}),
                     true),
             context(2, integer(raw({48})), true)}));
        CHECK(sha384.name == "RSASSA-PSS");
        CHECK(sha384.key_algorithm == KeyAlgorithm::rsa);
        CHECK(sha384.hash == HashAlgorithm::sha384);
        CHECK(pss(seq({})).hash == HashAlgorithm::sha1);
        CHECK(pss(std::nullopt).hash == HashAlgorithm::sha1);
        CHECK(pss(tlv(0x05, {})).hash == HashAlgorithm::unknown);
        CHECK(pss(seq({context(0, utf8("x"), true)})).hash == HashAlgorithm::unknown);
    }
}

BACKEND_CONTRACT("version numbers") {
    const auto& backend = backend_under_test<TestType>();
    CHECK(backend.parse_certificate(Builder().version(X509_VERSION_2).sign())->version() == 2);
    CHECK(backend.parse_certificate(Builder().version(X509_VERSION_1).sign())->version() == 1);
    Bytes der = Builder().sign();
    replace_all(der, hex("A003020102"), hex("A003020105"));  // v3 -> "v6"
    CHECK(parse_error(backend, der) == "unsupported certificate version 6");

    Tbs v1;
    v1.version.clear();
    CHECK(parse(backend, v1)->version() == 1);
    Tbs v1_explicit;
    v1_explicit.version = context(0, integer(raw({0})), true);
    CHECK(parse(backend, v1_explicit)->version() == 1);
    Tbs v2;
    v2.version = context(0, integer(raw({1})), true);
    v2.extra = cat({context(1, raw({0x00, 0x01}), false), context(2, raw({0x00, 0x02}), false)});
    CHECK(parse(backend, v2)->version() == 2);
    Tbs v4;
    v4.version = context(0, integer(raw({3})), true);
    CHECK(parse_error(backend, v4.der()) == "unsupported certificate version 4");
}

BACKEND_CONTRACT("extensions built in memory") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("basicConstraints with pathLen, EKU order, policies, all key usage bits") {
        const auto cert = backend.parse_certificate(
            Builder()
                .ext(NID_basic_constraints, "critical,CA:TRUE,pathlen:3")
                .raw_ext("2.5.29.15", true, "030307FF80")
                .ext(NID_ext_key_usage, "serverAuth,clientAuth,1.2.3.4")
                // 2.23.140.1.2.1, 1.2.3.5
                .raw_ext("2.5.29.32", false, "30113008060667810C010201300506032A0305")
                .sign());
        const auto& e = cert->extensions();
        REQUIRE(e.basic_constraints);
        CHECK(e.basic_constraints->ca);
        CHECK(e.basic_constraints->path_len == 3);
        REQUIRE(e.key_usage);
        CHECK(e.key_usage->bits == 0x1FF);  // digitalSignature .. decipherOnly
        CHECK(e.key_usage->has(ku_decipher_only));
        CHECK(e.key_usage->has(ku_encipher_only));
        REQUIRE(e.extended_key_usage);
        CHECK(e.extended_key_usage->oids
              == std::vector<std::string>{oid_eku_server_auth, oid_eku_client_auth, "1.2.3.4"});
        REQUIRE(e.certificate_policies);
        CHECK_FALSE(e.certificate_policies->critical);
        CHECK(e.certificate_policies->oids
              == std::vector<std::string>{"2.23.140.1.2.1", "1.2.3.5"});
    }
    SECTION("the other typed extensions, assembled") {
        const auto e = with_extensions(
            backend,
            {
                extension("2.5.29.19", seq({boolean(true), integer(raw({3}))}), true),
                extension("2.5.29.15", bits(raw({0xFF, 0x80}), 7), true),
                extension("2.5.29.37", seq({oid("1.3.6.1.5.5.7.3.2"), oid("1.3.6.1.5.5.7.3.1"),
                                            oid("2.5.29.37.0")})),
                extension("2.5.29.14", octets(raw({0x01, 0x02, 0xAB}))),
                extension("2.5.29.35", seq({context(0, raw({0xAA, 0xBB}), false),
                                            context(1, context(4, seq({cn("iss")}), true), true),
                                            context(2, raw({0x00, 0x80}), false)})),
                extension("2.5.29.32",
                          seq({seq({oid("2.23.140.1.2.1")}),
                               seq({oid("1.2.3.4"),
                                    seq({seq({oid("1.3.6.1.5.5.7.2.1"), ia5("http://cps")})})})})),
                extension("1.3.6.1.5.5.7.1.1", seq({})),
                extension("1.2.3.99", raw({0x05, 0x00})),
            });
        CHECK(oids(e.all)
              == std::vector<std::string>{"2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.14",
                                          "2.5.29.35", "2.5.29.32", "1.3.6.1.5.5.7.1.1",
                                          "1.2.3.99"});
        CHECK(oids(e.unrecognized) == std::vector<std::string>{"1.2.3.99"});
        CHECK_FALSE(e.has_unrecognized_critical());
        CHECK(e.basic_constraints->ca);
        CHECK(e.basic_constraints->path_len == 3);
        CHECK(e.key_usage->critical);
        CHECK(e.key_usage->bits == 0x1FF);  // all nine bits, decipherOnly included
        CHECK(e.extended_key_usage->oids
              == std::vector<std::string>{oid_eku_client_auth, oid_eku_server_auth, oid_eku_any});
        CHECK(e.extended_key_usage->allows_client_auth());
        CHECK(e.subject_key_identifier->key_id == "0102AB");
        CHECK(e.authority_key_identifier->key_id == "AABB");
        CHECK(e.authority_key_identifier->issuer_serial == "80");
        CHECK(e.certificate_policies->oids
              == std::vector<std::string>{"2.23.140.1.2.1", "1.2.3.4"});
    }
    SECTION("keyUsage bit numbering") {
        // 03 02 05 A0: bits 0 (digitalSignature) and 2 (keyEncipherment).
        const auto ku =
            backend.parse_certificate(Builder().raw_ext("2.5.29.15", false, "030205A0").sign())
                ->extensions()
                .key_usage;
        REQUIRE(ku);
        CHECK_FALSE(ku->critical);
        CHECK(ku->bits == (ku_digital_signature | ku_key_encipherment));
        // 03 02 01 06: keyCertSign (5) and cRLSign (6).
        CHECK(backend.parse_certificate(Builder().raw_ext("2.5.29.15", true, "03020106").sign())
                  ->extensions()
                  .key_usage->bits
              == (ku_key_cert_sign | ku_crl_sign));
        // decipherOnly alone: bit 8, in the second octet.
        CHECK(with_extensions(backend, {extension("2.5.29.15", bits(raw({0x00, 0x80}), 7))})
                  .key_usage->bits
              == ku_decipher_only);
        // keyCertSign (bit 5) with the unused bits set: they are ignored.
        CHECK(
            with_extensions(backend, {extension("2.5.29.15", bits(raw({0x07}), 2))}).key_usage->bits
            == ku_key_cert_sign);
        // An empty BIT STRING.
        CHECK(with_extensions(backend, {extension("2.5.29.15", tlv(0x03, raw({0x05})))})
                  .key_usage->bits
              == 0);
    }
    SECTION("basicConstraints without pathLen, and CA:FALSE with one") {
        const auto empty = with_extensions(backend, {extension("2.5.29.19", seq({}))});
        CHECK_FALSE(empty.basic_constraints->ca);
        CHECK_FALSE(empty.basic_constraints->path_len);
        CHECK_FALSE(empty.basic_constraints->critical);
        const auto leaf =
            with_extensions(backend, {extension("2.5.29.19", seq({integer(raw({2}))}))});
        CHECK_FALSE(leaf.basic_constraints->ca);
        CHECK(leaf.basic_constraints->path_len == 2);
    }
    SECTION("authorityKeyIdentifier with issuer and serial") {
        // keyid 01020304, authorityCertIssuer dNSName example.com, serial 00FF.
        const auto aki =
            backend
                .parse_certificate(
                    Builder()
                        .raw_ext("2.5.29.35", false,
                                 "3019800401020304A10D820B6578616D706C652E636F6D820200FF")
                        .sign())
                ->extensions()
                .authority_key_identifier;
        REQUIRE(aki);
        CHECK(aki->key_id == "01020304");
        CHECK(aki->issuer_serial == "FF");
    }
    SECTION("subjectAltName of every kind") {
        const auto cert = backend.parse_certificate(
            Builder()
                .ext(NID_subject_alt_name,
                     "critical,DNS:device.example.com,IP:192.0.2.1,IP:2001:db8::1,IP:::1,"
                     "IP:2001:db8:0:1:1:1:1:1,IP:2001:0:0:1:0:0:0:1,IP:::ffff:192.0.2.1,"
                     "IP:fe80:0:0:0:abcd:0:0:0,email:dev@example.com,"
                     "URI:https://example.com/x,"
                     "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn@example.com,RID:1.2.3.4")
                .sign());
        const auto& san = cert->extensions().subject_alt_name;
        REQUIRE(san);
        CHECK(san->critical);
        const std::vector<GeneralName> expected{
            name_of(GeneralNameType::dns, "device.example.com"),
            name_of(GeneralNameType::ip, "192.0.2.1"),
            name_of(GeneralNameType::ip, "2001:db8::1"),
            name_of(GeneralNameType::ip, "::1"),
            name_of(GeneralNameType::ip, "2001:db8:0:1:1:1:1:1"),  // one zero group stays
            name_of(GeneralNameType::ip, "2001:0:0:1::1"),         // the longer run wins
            name_of(GeneralNameType::ip, "::ffff:c000:201"),
            name_of(GeneralNameType::ip, "fe80::abcd:0:0:0"),  // the first of equal runs
            name_of(GeneralNameType::email, "dev@example.com"),
            name_of(GeneralNameType::uri, "https://example.com/x"),
            name_of(GeneralNameType::other, "1.3.6.1.4.1.311.20.2.3"),
            name_of(GeneralNameType::other, "1.2.3.4"),
        };
        CHECK(san->names == expected);
    }
    SECTION("subjectAltName keeps certificate order across name types") {
        const Bytes directory = seq({cn("dir")});
        const Bytes registered = oid("1.2.3.4");
        const auto e = with_extensions(
            backend,
            {extension(
                "2.5.29.17",
                seq({context(2, to_bytes("b.example"), false),
                     context(7,
                             raw({0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}),
                             false),
                     context(2, to_bytes("a.example"), false),
                     context(1, to_bytes("x@y.example"), false),
                     context(6, to_bytes("urn:dev:1"), false),
                     context(7, raw({192, 0, 2, 1}), false), context(4, directory, true),
                     context(0, cat({oid("1.3.6.1.4.1.311.20.2.3"), context(0, utf8("upn"), true)}),
                             true),
                     context(8, Bytes(registered.begin() + 2, registered.end()), false),
                     context(3, seq({}), true), context(5, context(1, utf8("party"), true), true),
                     context(7, raw({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4}),
                             false)}))});
        REQUIRE(e.subject_alt_name);
        const auto& names = e.subject_alt_name->names;
        REQUIRE(names.size() == 12);
        const std::vector<std::pair<GeneralNameType, std::string>> expected{
            {GeneralNameType::dns, "b.example"},
            {GeneralNameType::ip, "2001:db8::1"},
            {GeneralNameType::dns, "a.example"},
            {GeneralNameType::email, "x@y.example"},
            {GeneralNameType::uri, "urn:dev:1"},
            {GeneralNameType::ip, "192.0.2.1"},
            {GeneralNameType::directory, "CN=dir"},
            {GeneralNameType::other, "1.3.6.1.4.1.311.20.2.3"},
            {GeneralNameType::other, "1.2.3.4"},
            {GeneralNameType::other, "tag:3"},
            {GeneralNameType::other, "tag:5"},
            {GeneralNameType::ip, "::ffff:102:304"},
        };
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO(i);
            CHECK(names[i].type == expected[i].first);
            CHECK(names[i].value == expected[i].second);
            CHECK(names[i].directory.has_value()
                  == (expected[i].first == GeneralNameType::directory));
        }
        REQUIRE(names[6].directory);
        CHECK(names[6].directory->text() == "CN=dir");
        CHECK(names[6].directory->common_names() == std::vector<std::string>{"dir"});
    }
    SECTION("name constraints with IP subtrees") {
        const auto nc =
            backend
                .parse_certificate(Builder()
                                       .ext(NID_name_constraints,
                                            "critical,permitted;IP:10.0.0.0/255.0.0.0,"
                                            "permitted;IP:2001:db8::/ffff:ffff::,"
                                            "permitted;IP:192.0.2.7/255.255.255.255,"
                                            "excluded;email:.example.com,excluded;URI:.example.org,"
                                            "excluded;IP:0.0.0.0/0.0.0.0")
                                       .sign())
                ->extensions()
                .name_constraints;
        REQUIRE(nc);
        CHECK(nc->critical);
        CHECK(nc->permitted
              == std::vector<GeneralName>{name_of(GeneralNameType::ip, "10.0.0.0/8"),
                                          name_of(GeneralNameType::ip, "2001:db8::/32"),
                                          name_of(GeneralNameType::ip, "192.0.2.7/32")});
        CHECK(nc->excluded
              == std::vector<GeneralName>{name_of(GeneralNameType::email, ".example.com"),
                                          name_of(GeneralNameType::uri, ".example.org"),
                                          name_of(GeneralNameType::ip, "0.0.0.0/0")});
    }
    SECTION("name constraints with dNSName and directoryName subtrees, assembled") {
        const auto e = with_extensions(
            backend,
            {extension(
                "2.5.29.30",
                seq({context(
                         0,
                         cat({seq({context(7, raw({10, 0, 0, 0, 255, 0, 0, 0}), false)}),
                              seq({context(2, to_bytes("example.com"), false),
                                   context(0, raw({0}), false)}),
                              seq({context(4, seq({set({attribute("2.5.4.6", printable("US"))})}),
                                           true)})}),
                         true),
                     context(1,
                             seq({context(7,
                                          cat({raw({0x20, 0x01, 0x0D, 0xB8}), Bytes(12, 0),
                                               raw({0xFF, 0xFF, 0xFF, 0xFF}), Bytes(12, 0)}),
                                          false)}),
                             true)}),
                true)});
        REQUIRE(e.name_constraints);
        CHECK(e.name_constraints->critical);
        const auto& permitted = e.name_constraints->permitted;
        REQUIRE(permitted.size() == 3);
        CHECK(permitted[0] == name_of(GeneralNameType::ip, "10.0.0.0/8"));
        CHECK(permitted[1].value == "example.com");
        CHECK(permitted[2].value == "C=US");
        REQUIRE(e.name_constraints->excluded.size() == 1);
        CHECK(e.name_constraints->excluded[0].value == "2001:db8::/32");
    }
    SECTION("recognised informational extensions are not unrecognized") {
        const auto cert = backend.parse_certificate(
            Builder()
                .ext(NID_info_access, "caIssuers;URI:http://example.com/ca.cer")
                .ext(NID_crl_distribution_points, "URI:http://example.com/ca.crl")
                .raw_ext("1.2.3.4.5", false, "0500")
                .sign());
        const std::vector<ExtensionInfo> all{
            {"1.3.6.1.5.5.7.1.1", false}, {"2.5.29.31", false}, {"1.2.3.4.5", false}};
        CHECK(cert->extensions().all == all);
        CHECK(cert->extensions().unrecognized == std::vector<ExtensionInfo>{{"1.2.3.4.5", false}});
        CHECK_FALSE(cert->extensions().has_unrecognized_critical());
    }
    SECTION("huge OID arcs") {
        const Bytes uuid_oid =
            tlv(0x06, raw({0x69, 0x83, 0xF0, 0x9D, 0xA7, 0xEB, 0xCF, 0xDE, 0xE0, 0xC7,
                           0xA1, 0xA7, 0xB2, 0xC0, 0x94, 0x8C, 0xC8, 0xF9, 0xD7, 0x76}));
        const auto e = with_extensions(backend, {extension("2.5.29.32", seq({seq({uuid_oid})}))});
        CHECK(e.certificate_policies->oids
              == std::vector<std::string>{"2.25.329800735698586629295641978511506172918"});
    }
}

BACKEND_CONTRACT("malformed and duplicate extensions are problems of a certificate that parses") {
    const auto& backend = backend_under_test<TestType>();
    SECTION("values written in hex") {
        const auto error = [&](const char* id, const char* value_hex) {
            return extension_problem(backend, Builder().raw_ext(id, false, value_hex).sign());
        };
        CHECK(error("2.5.29.19", "30030101") == "malformed basicConstraints extension");
        CHECK(error("2.5.29.19", "30060101FF0201FF") == "malformed basicConstraints extension");
        CHECK(error("2.5.29.15", "3000") == "malformed keyUsage extension");
        CHECK(error("2.5.29.37", "0500") == "malformed extendedKeyUsage extension");
        CHECK(error("2.5.29.14", "0401AA00") == "malformed subjectKeyIdentifier extension");
        CHECK(error("2.5.29.35", "04020102") == "malformed authorityKeyIdentifier extension");
        CHECK(error("2.5.29.17", "30058703010203") == "malformed subjectAltName extension");
        CHECK(error("2.5.29.30", "300EA00C300A87080A000000FF00FF00")
              == "malformed nameConstraints extension");
        CHECK(error("2.5.29.32", "020101") == "malformed certificatePolicies extension");
        // An unrecognised extension is never decoded, so its content does not matter.
        CHECK(error("1.2.3.4", "FFFF") == "no problem");
    }
    SECTION("values assembled") {
        const auto error = [&](std::string_view id, const Bytes& value) {
            return extension_error(backend, id, value);
        };
        CHECK(error("2.5.29.19", cat({seq({boolean(true)}), raw({0x00})}))
              == "malformed basicConstraints extension");
        CHECK(error("2.5.29.15", octets(raw({0x01}))) == "malformed keyUsage extension");
        CHECK(error("2.5.29.37", seq({utf8("x")})) == "malformed extendedKeyUsage extension");
        CHECK(error("2.5.29.14", seq({})) == "malformed subjectKeyIdentifier extension");
        CHECK(error("2.5.29.35", seq({context(5, raw({1}), false)}))
              == "malformed authorityKeyIdentifier extension");
        CHECK(error("2.5.29.17", seq({context(9, raw({1}), false)}))
              == "malformed subjectAltName extension");
        CHECK(error("2.5.29.30",
                    seq({context(0, seq({context(7, raw({10, 0, 0, 0, 255, 0, 255, 0}), false)}),
                                 true)}))
              == "malformed nameConstraints extension");
        CHECK(error("2.5.29.32", seq({seq({utf8("x")})}))
              == "malformed certificatePolicies extension");
        // Policy qualifiers are checked the way OpenSSL decodes them.
        CHECK(error("2.5.29.32",
                    seq({seq({oid("1.2.3"), seq({seq({oid("1.3.6.1.5.5.7.2.1"), utf8("x")})})})}))
              == "malformed certificatePolicies extension");
        CHECK(error("2.5.29.32",
                    seq({seq({oid("1.2.3"),
                              seq({seq({oid("1.3.6.1.5.5.7.2.2"), seq({text(0x1E, "odd")})})})})}))
              == "malformed certificatePolicies extension");
        // otherName values must be exactly one element.
        CHECK(error("2.5.29.17",
                    seq({context(0, cat({oid("1.2.3"), context(0, raw({0x0C, 0x05, 'a'}), true)}),
                                 true)}))
              == "malformed subjectAltName extension");
        // ediPartyName needs its partyName.
        CHECK(error("2.5.29.17", seq({context(5, context(0, utf8("a"), true), true)}))
              == "malformed subjectAltName extension");
        // The names in authorityCertIssuer must decode even though they are not reported.
        CHECK(error("2.5.29.35", seq({context(1, context(4, raw({0x31, 0x00}), true), true)}))
              == "malformed authorityKeyIdentifier extension");
        // An unrecognised extension is never decoded, whatever it holds.
        CHECK(with_extensions(backend, {extension("1.2.3.4", raw({0xFF}), true)})
                  .has_unrecognized_critical());
    }
    SECTION("duplicates") {
        CHECK(extension_problem(backend, Builder()
                                             .raw_ext("1.2.3.4", false, "0500")
                                             .raw_ext("1.2.3.4", false, "0500")
                                             .sign())
              == "duplicate extension 1.2.3.4");
        CHECK(extension_problem(backend, Builder()
                                             .ext(NID_basic_constraints, "CA:FALSE")
                                             .ext(NID_basic_constraints, "CA:TRUE")
                                             .sign())
              == "duplicate extension 2.5.29.19");
        Tbs duplicate;
        duplicate.extensions(
            {extension("2.5.29.14", octets(raw({1}))), extension("2.5.29.14", octets(raw({2})))});
        CHECK(extension_problem(backend, duplicate.der()) == "duplicate extension 2.5.29.14");
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings one of the libraries underneath took and the other did not: each backend now reaches
// the same verdict (the differential fuzz target checks the same on random input).

BACKEND_CONTRACT("an EC point that is not on its curve is refused") {
    const auto& backend = backend_under_test<TestType>();
    const KeyPtr key = new_p256();
    Bytes point = point_of(key.get());
    point.back() ^= 0x01;  // y changes: almost surely no longer on the curve
    CHECK(verdict(backend, with_point(point))
          == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
    // The same point as a bare SubjectPublicKeyInfo.
    Bytes spki = hex("3059301306072A8648CE3D020106082A8648CE3D030107034200");
    spki.insert(spki.end(), point.begin(), point.end());
    CHECK_THROWS_AS(backend.describe_public_key(spki), ParseError);
}

BACKEND_CONTRACT("EC point encodings that are refused") {
    const auto& backend = backend_under_test<TestType>();
    const KeyPtr key = new_p256();
    const Bytes good = point_of(key.get());
    SECTION("hybrid form (06/07), which Botan 2 would load") {
        Bytes point = good;
        point[0] = 0x06 | (good.back() & 1);
        CHECK_THAT(verdict(backend, with_point(point)), Catch::Contains("unsupported form"));
    }
    SECTION("a coordinate not below the field prime") {
        Bytes point = good;
        // x = p: the size of a coordinate, but not a field element.
        const Bytes p = hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
        std::copy(p.begin(), p.end(), point.begin() + 1);
        CHECK_THAT(verdict(backend, with_point(point)),
                   Catch::Contains("not below the field prime"));
    }
}

BACKEND_CONTRACT("a compressed P-256 point is accepted with its size") {
    const auto& backend = backend_under_test<TestType>();
    const KeyPtr key = new_p256();
    REQUIRE(EVP_PKEY_set_utf8_string_param(key.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                           OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_COMPRESSED)
            == 1);
    const auto cert = backend.parse_certificate(Builder().key(key.get()).sign());
    CHECK(cert->public_key().algorithm == KeyAlgorithm::ec);
    CHECK(cert->public_key().curve == "P-256");
    CHECK(cert->public_key().bits == 256);
}

BACKEND_CONTRACT("a SEQUENCE or SET encoded as primitive is refused") {
    const auto& backend = backend_under_test<TestType>();
    // OpenSSL's own decoders took these (its name decoder and the extension values); Botan did not.
    Builder builder;
    builder.ext(NID_ext_key_usage, "clientAuth");
    const Bytes der = builder.sign();
    SECTION("the SET of a name's RDN") {
        Bytes bad = der;
        // The issuer Name: SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, ... } } }; make the SET
        // primitive.
        replace_all(bad, hex("3112301006035504030C0973796E746865746963"),
                    hex("1112301006035504030C0973796E746865746963"));
        CHECK(verdict(backend, bad) == "not a DER certificate: UNIVERSAL 17 must be constructed");
    }
    SECTION("the SEQUENCE of an extension value") {
        Bytes bad = der;
        // extendedKeyUsage ::= SEQUENCE OF KeyPurposeId, here { clientAuth }.
        replace_all(bad, hex("300A06082B06010505070302"), hex("100A06082B06010505070302"));
        CHECK(verdict(backend, bad) == "malformed extendedKeyUsage extension");
    }
}

BACKEND_CONTRACT("IMPLICIT tags in the wrong form are refused") {
    const auto& backend = backend_under_test<TestType>();
    // OpenSSL accepts a primitive [0] for NameConstraints' SEQUENCE OF and BER constructed
    // strings for GeneralNames; Botan takes DER only.
    const auto ca = [](const char* id, const char* value_hex) {
        Builder ca_builder;
        ca_builder.ext(NID_basic_constraints, "critical,CA:TRUE");
        ca_builder.raw_ext(id, true, value_hex);
        return ca_builder.sign();
    };
    // NameConstraints { [0] { GeneralSubtree { dNSName "a.example" } } }, [0] made primitive
    CHECK(verdict(backend, ca("2.5.29.30", "300F800D300B8209612E6578616D706C65"))
          == "malformed nameConstraints extension");
    // The same with [0] constructed is fine.
    CHECK(verdict(backend, ca("2.5.29.30", "300FA00D300B8209612E6578616D706C65")) == "accepted");
    // subjectAltName { [2] constructed { IA5String "a.example" } }
    CHECK(verdict(backend, ca("2.5.29.17", "300DA20B1609612E6578616D706C65"))
          == "malformed subjectAltName extension");
}

BACKEND_CONTRACT("a key's unused bits are cleared before it is read") {
    const auto& backend = backend_under_test<TestType>();
    // Botan cleared the padding bits of the key before loading it, OpenSSL sized it from the
    // bytes as they were: with two unused bits set, one backend saw a point on the curve and the
    // other one off it. Both now read the key as decoded, padding cleared.
    KeyPtr key = new_p256();
    while ((point_of(key.get()).back() & 0x03) == 0)
        key = new_p256();
    const Bytes point = point_of(key.get());
    Bytes der = Builder().key(key.get()).sign();
    Bytes from = hex("034200");
    from.insert(from.end(), point.begin(), point.end());
    Bytes to = hex("034202");
    to.insert(to.end(), point.begin(), point.end());
    replace_all(der, from, to);
    CHECK(verdict(backend, der)
          == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
}

BACKEND_CONTRACT("an RSA key must be a DER RSAPublicKey of positive numbers") {
    const auto& backend = backend_under_test<TestType>();
    // OpenSSL sized a key with a non-minimal exponent 0 bits, Botan 2048.
    Bytes non_minimal = Builder().key(shared_rsa()).sign();
    // ... modulus, 02 03 010001 -> 02 03 000101: same length, a leading zero octet.
    replace_all(non_minimal, hex("0203010001"), hex("0203000101"));
    CHECK(verdict(backend, non_minimal)
          == "malformed subjectPublicKeyInfo: RSA public key: non-minimal INTEGER");
    Bytes negative = Builder().key(shared_rsa()).sign();
    replace_all(negative, hex("0203010001"), hex("0203810001"));
    CHECK(verdict(backend, negative)
          == "malformed subjectPublicKeyInfo: RSA public exponent is not a positive number");
}

BACKEND_CONTRACT("an RSA key with an even exponent is unusable") {
    const auto& backend = backend_under_test<TestType>();
    // Botan refuses to load it; OpenSSL loaded it and called an ECDSA signature under it invalid
    // ("wrong public key type") where Botan said unsupported.
    Bytes der = Builder().key(shared_rsa()).sign(shared_rsa());
    replace_all(der, hex("0203010001"), hex("0203010002"));
    const auto issuer = backend.parse_certificate(der);
    CHECK(issuer->public_key().algorithm == KeyAlgorithm::rsa);
    CHECK(issuer->public_key().bits == 2048);
    const auto check =
        backend.verify_signature(*backend.parse_certificate(Builder().sign()), *issuer);
    CHECK(check.status == SignatureStatus::unsupported);
    CHECK(check.detail == "issuer public key unusable: RSA public exponent is even");
}

}  // namespace backend_contract_test
