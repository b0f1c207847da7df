// The OpenSSL backend against the committed test PKI and against certificates built in memory
// with the OpenSSL API (for edge cases no fixture has). OpenSSL itself is the oracle for
// thumbprints, key identifiers and SPKI hashes.

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <openssl/bn.h>
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

#include "support/certificate_builder.hpp"
#include "support/extension_problem.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {

const CryptoBackend& backend() {
    static const std::unique_ptr<CryptoBackend> instance = make_openssl_backend();
    return *instance;
}

Bytes read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The first certificate of a PEM file, decoded by OpenSSL's own PEM reader.
X509Ptr read_pem(const std::string& relative) {
    const auto path = test::testdata(relative);
    BioPtr bio(BIO_new_file(path.string().c_str(), "r"));
    REQUIRE(bio);
    X509Ptr x509(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(x509);
    return x509;
}

Bytes fixture_der(const std::string& relative) {
    return to_der(read_pem(relative).get());
}

CertificatePtr load(const std::string& relative) {
    return backend().parse_certificate(fixture_der(relative));
}

std::string oracle_digest(const X509* x509, const EVP_MD* md) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    REQUIRE(X509_digest(x509, md, out, &length) == 1);
    return to_hex_upper(ByteView{out, length});
}

// SHA-256 of the SPKI as OpenSSL re-serialises it from the decoded key.
std::string oracle_spki_sha256(const X509* x509) {
    unsigned char* spki = nullptr;
    const int length = i2d_PUBKEY(X509_get0_pubkey(x509), &spki);
    REQUIRE(length > 0);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    REQUIRE(EVP_Digest(spki, static_cast<std::size_t>(length), out, &digest_length, EVP_sha256(),
                       nullptr)
            == 1);
    OPENSSL_free(spki);
    return to_hex_upper(ByteView{out, digest_length});
}

Bytes spki_der(const X509* x509) {
    unsigned char* out = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509), &out);
    REQUIRE(length > 0);
    Bytes der(out, out + length);
    OPENSSL_free(out);
    return der;
}

std::string parse_error(const Bytes& der) {
    try {
        backend().parse_certificate(der);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "no error";
}

std::string extension_problem(const Bytes& der) {
    return test::extension_problem(backend(), der);
}

// ---------------------------------------------------------------------------------------------
// In-memory certificates for cases the fixtures do not cover.

CertificatePtr parse(const Bytes& der) {
    return backend().parse_certificate(der);
}

GeneralName name_of(GeneralNameType type, std::string value) {
    GeneralName out;
    out.type = type;
    out.value = std::move(value);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Fixtures

TEST_CASE("openssl backend identifies itself", "[openssl]") {
    CHECK(backend().name() == "openssl");
    CHECK(make_backend(BackendKind::openssl)->name() == "openssl");
}

TEST_CASE("openssl: P-256 leaf fields", "[openssl]") {
    const auto oracle = read_pem("pki/leaves/valid-p256.pem");
    const auto cert = backend().parse_certificate(to_der(oracle.get()));
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
    CHECK(f.issuer.rdns()[0][0].oid == "2.5.4.6");
    CHECK(f.issuer.rdns()[0][0].short_name == "C");
    CHECK(f.issuer.rdns()[0][0].value == "US");
    CHECK(f.issuer.rdns()[0][0].is_string);
    CHECK(f.issuer.rdns()[2][0].oid == "2.5.4.3");
    CHECK(f.not_before == make_time(2024, 1, 1));
    CHECK(f.not_after == make_time(2040, 1, 1));

    CHECK(f.public_key.algorithm == KeyAlgorithm::ec);
    CHECK(f.public_key.algorithm_oid == "1.2.840.10045.2.1");
    CHECK(f.public_key.bits == 256);
    CHECK(f.public_key.curve == "P-256");
    CHECK(f.public_key.spki_sha256 == oracle_spki_sha256(oracle.get()));

    CHECK(f.signature_algorithm.oid == "1.2.840.10045.4.3.2");
    CHECK(f.signature_algorithm.name == "ecdsa-with-SHA256");
    CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::ec);
    CHECK(f.signature_algorithm.hash == HashAlgorithm::sha256);

    CHECK(f.sha1 == oracle_digest(oracle.get(), EVP_sha1()));
    CHECK(f.sha256 == oracle_digest(oracle.get(), EVP_sha256()));
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
    CHECK(e.subject_key_identifier->key_id
          == to_hex_upper({ASN1_STRING_get0_data(X509_get0_subject_key_id(oracle.get())),
                           static_cast<std::size_t>(
                               ASN1_STRING_length(X509_get0_subject_key_id(oracle.get())))}));
    REQUIRE(e.authority_key_identifier);
    CHECK(e.authority_key_identifier->issuer_serial.empty());
    CHECK_FALSE(e.subject_alt_name);
    CHECK_FALSE(e.name_constraints);
    CHECK_FALSE(e.certificate_policies);

    // The AKI names the production CA's SKI.
    const auto issuer = load("pki/ca/production.pem");
    REQUIRE(issuer->extensions().subject_key_identifier);
    CHECK(e.authority_key_identifier->key_id
          == issuer->extensions().subject_key_identifier->key_id);
}

TEST_CASE("openssl: the DER fixture decodes like its PEM twin", "[openssl]") {
    const auto from_der =
        backend().parse_certificate(read_file(test::testdata("pki/leaves/valid-p256.der")));
    CHECK(from_der->fields() == load("pki/leaves/valid-p256.pem")->fields());
}

TEST_CASE("openssl: RSA, P-384 and Ed25519 leaves", "[openssl]") {
    SECTION("RSA 2048") {
        const auto oracle = read_pem("pki/leaves/valid-rsa2048.pem");
        const auto cert = backend().parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.subject.text() == "CN=valid-rsa2048");
        CHECK(f.issuer.text() == "CN=dpslint Testing Intermediate CA,O=dpslint Test,C=US");
        CHECK(f.serial_hex == "3000");
        CHECK(f.public_key.algorithm == KeyAlgorithm::rsa);
        CHECK(f.public_key.algorithm_oid == "1.2.840.113549.1.1.1");
        CHECK(f.public_key.bits == 2048);
        CHECK(f.public_key.curve.empty());
        CHECK(f.public_key.spki_sha256 == oracle_spki_sha256(oracle.get()));
        CHECK(f.signature_algorithm.name == "sha256WithRSAEncryption");
        CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::rsa);
        CHECK(f.signature_algorithm.hash == HashAlgorithm::sha256);
        REQUIRE(f.extensions.key_usage);
        CHECK(f.extensions.key_usage->bits == (ku_digital_signature | ku_key_encipherment));
        CHECK(f.sha256 == oracle_digest(oracle.get(), EVP_sha256()));
    }
    SECTION("RSA 4096 and 1024") {
        CHECK(load("pki/leaves/valid-rsa4096.pem")->public_key().bits == 4096);
        CHECK(load("pki/leaves/rsa1024.pem")->public_key().bits == 1024);
    }
    SECTION("P-384") {
        const auto oracle = read_pem("pki/leaves/valid-p384.pem");
        const auto cert = backend().parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.serial_hex == "2001");
        CHECK(f.public_key.algorithm == KeyAlgorithm::ec);
        CHECK(f.public_key.bits == 384);
        CHECK(f.public_key.curve == "P-384");
        CHECK(f.public_key.spki_sha256 == oracle_spki_sha256(oracle.get()));
        CHECK(f.signature_algorithm.name == "ecdsa-with-SHA256");  // signed by the P-256 CA
    }
    SECTION("Ed25519") {
        const auto oracle = read_pem("pki/leaves/valid-ed25519.pem");
        const auto cert = backend().parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.serial_hex == "4000");
        CHECK(f.issuer.text() == "CN=dpslint Development Intermediate CA,O=dpslint Test,C=US");
        CHECK(f.public_key.algorithm == KeyAlgorithm::ed25519);
        CHECK(f.public_key.algorithm_oid == "1.3.101.112");
        CHECK(f.public_key.bits == 256);
        CHECK(f.public_key.curve.empty());
        CHECK(f.public_key.spki_sha256 == oracle_spki_sha256(oracle.get()));
        CHECK(f.signature_algorithm.oid == "1.3.101.112");
        CHECK(f.signature_algorithm.name == "Ed25519");
        CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::ed25519);
        CHECK(f.signature_algorithm.hash == HashAlgorithm::none);
    }
    SECTION("secp256k1") {
        const auto cert = load("pki/leaves/secp256k1-key.pem");
        CHECK(cert->public_key().curve == "secp256k1");
        CHECK(cert->public_key().bits == 256);
    }
    SECTION("legacy signature hashes") {
        const auto md5 = load("pki/leaves/md5-signature.pem")->signature_algorithm();
        CHECK(md5.name == "md5WithRSAEncryption");
        CHECK(md5.hash == HashAlgorithm::md5);
        const auto sha1 = load("pki/leaves/sha1-signature.pem")->signature_algorithm();
        CHECK(sha1.name == "sha1WithRSAEncryption");
        CHECK(sha1.hash == HashAlgorithm::sha1);
    }
}

TEST_CASE("openssl: CA certificates", "[openssl]") {
    SECTION("root: self-issued, GeneralizedTime notAfter, no AKI") {
        const auto oracle = read_pem("pki/ca/root.pem");
        const auto cert = backend().parse_certificate(to_der(oracle.get()));
        const auto& f = cert->fields();
        CHECK(f.serial_hex == "1000");
        CHECK(f.subject.text() == "CN=dpslint Test Root CA,O=dpslint Test,C=US");
        CHECK(cert->is_self_issued());
        CHECK(cert->is_ca());
        CHECK(f.not_before == make_time(2020, 1, 1));
        CHECK(f.not_after == make_time(2050, 1, 1));  // encoded as GeneralizedTime
        CHECK(f.public_key.curve == "P-384");
        CHECK(f.signature_algorithm.name == "ecdsa-with-SHA384");
        CHECK(f.signature_algorithm.hash == HashAlgorithm::sha384);
        CHECK(f.sha1 == oracle_digest(oracle.get(), EVP_sha1()));
        REQUIRE(f.extensions.basic_constraints);
        CHECK(f.extensions.basic_constraints->ca);
        CHECK(f.extensions.basic_constraints->critical);
        CHECK_FALSE(f.extensions.basic_constraints->path_len);
        REQUIRE(f.extensions.key_usage);
        CHECK(f.extensions.key_usage->bits == (ku_key_cert_sign | ku_crl_sign));
        CHECK_FALSE(f.extensions.authority_key_identifier);
        CHECK(f.extensions.all.size() == 3);
        CHECK(backend().verify_signature(*cert, *cert).ok());
    }
    SECTION("production intermediate: pathlen 0, AKI = root SKI") {
        const auto cert = load("pki/ca/production.pem");
        const auto root = load("pki/ca/root.pem");
        CHECK(cert->serial_hex() == "1001");
        CHECK_FALSE(cert->is_self_issued());
        REQUIRE(cert->extensions().basic_constraints);
        CHECK(cert->extensions().basic_constraints->ca);
        CHECK(cert->extensions().basic_constraints->path_len == 0);
        REQUIRE(cert->extensions().authority_key_identifier);
        CHECK(cert->extensions().authority_key_identifier->key_id
              == root->extensions().subject_key_identifier->key_id);
        CHECK(cert->not_after() == make_time(2045, 1, 1));
        CHECK(backend().verify_signature(*cert, *root).ok());
    }
    SECTION("Ed25519 and RSA intermediates") {
        CHECK(load("pki/ca/development.pem")->public_key().algorithm == KeyAlgorithm::ed25519);
        CHECK(load("pki/ca/testing.pem")->public_key().bits == 2048);
    }
    SECTION("not-ca intermediate: cA FALSE stays FALSE") {
        const auto cert = load("pki/ca/not-ca-intermediate.pem");
        REQUIRE(cert->extensions().basic_constraints);
        CHECK_FALSE(cert->extensions().basic_constraints->ca);
        CHECK_FALSE(cert->is_ca());
    }
    SECTION("no basicConstraints at all") {
        CHECK_FALSE(load("pki/ca/no-bc-intermediate.pem")->extensions().basic_constraints);
    }
    SECTION("X.509 v1 intermediate") {
        const auto oracle = read_pem("pki/ca/v1-intermediate.pem");
        const auto cert = backend().parse_certificate(to_der(oracle.get()));
        CHECK(cert->version() == 1);
        CHECK(cert->public_key().spki_sha256 == oracle_spki_sha256(oracle.get()));
        CHECK(cert->extensions().all.empty());
        CHECK_FALSE(cert->extensions().basic_constraints);
        CHECK_FALSE(cert->extensions().key_usage);
        CHECK(cert->subject().text() == "CN=dpslint V1 Intermediate CA,O=dpslint Test,C=US");
        CHECK(backend().verify_signature(*cert, *load("pki/ca/root.pem")).ok());
    }
}

TEST_CASE("openssl: name constraints and subjectAltName fixtures", "[openssl]") {
    const auto ca = load("pki/ca/nc-intermediate.pem");
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
    CHECK(load("pki/leaves/nc-ok.pem")->subject().within_subtree(*nc->permitted[0].directory));
    CHECK_FALSE(load("pki/leaves/nc-dirname-violation.pem")
                    ->subject()
                    .within_subtree(*nc->permitted[0].directory));

    const auto ok = load("pki/leaves/nc-ok.pem");
    CHECK(ok->subject().text() == "CN=nc-ok,O=dpslint Test,C=US");
    const auto& san = ok->extensions().subject_alt_name;
    REQUIRE(san);
    CHECK_FALSE(san->critical);
    CHECK(san->names
          == std::vector<GeneralName>{name_of(GeneralNameType::dns, "nc-ok.devices.example.com")});
    CHECK(ok->extensions().all.back() == ExtensionInfo{"2.5.29.17", false});

    const auto excluded = load("pki/leaves/nc-dns-excluded.pem");
    REQUIRE(excluded->extensions().subject_alt_name);
    CHECK(excluded->extensions().subject_alt_name->names[0].value
          == "x.blocked.devices.example.com");
    CHECK(backend().verify_signature(*ok, *ca).ok());
}

TEST_CASE("openssl: unknown critical extension is listed as unrecognized", "[openssl]") {
    const auto cert = load("pki/leaves/unknown-critical-extension.pem");
    const ExtensionInfo unknown{"1.3.6.1.4.1.55555.1", true};
    CHECK(cert->extensions().all.size() == 6);
    CHECK(cert->extensions().all.back() == unknown);
    CHECK(cert->extensions().unrecognized == std::vector<ExtensionInfo>{unknown});
    CHECK(cert->extensions().has_unrecognized_critical());
    // The recognised ones are still decoded.
    CHECK(cert->extensions().basic_constraints);
    CHECK(cert->extensions().extended_key_usage);
}

TEST_CASE("openssl: describe_public_key matches the certificate's key", "[openssl]") {
    for (const char* file :
         {"pki/leaves/valid-p256.pem", "pki/leaves/valid-p384.pem", "pki/leaves/valid-rsa2048.pem",
          "pki/leaves/valid-ed25519.pem", "pki/ca/root.pem", "pki/leaves/secp256k1-key.pem"}) {
        INFO(file);
        const auto oracle = read_pem(file);
        const auto cert = backend().parse_certificate(to_der(oracle.get()));
        CHECK(backend().describe_public_key(spki_der(oracle.get())) == cert->public_key());
    }
    CHECK_THROWS_AS(backend().describe_public_key(Bytes{}), ParseError);
    CHECK_THROWS_AS(backend().describe_public_key(hex("3003020101")), ParseError);
    Bytes trailing = spki_der(read_pem("pki/leaves/valid-p256.pem").get());
    trailing.push_back(0);
    CHECK_THROWS_WITH(backend().describe_public_key(trailing),
                      "trailing bytes after SubjectPublicKeyInfo");
    trailing.pop_back();
    Bytes ber{0x30, 0x80};  // the same SPKI with an indefinite outer length
    ber.insert(ber.end(), trailing.begin() + 2, trailing.end());
    ber.insert(ber.end(), {0x00, 0x00});
    CHECK_THROWS_WITH(backend().describe_public_key(ber),
                      "not a DER SubjectPublicKeyInfo: indefinite length (BER, not DER)");
}

TEST_CASE("openssl: spki_sha256 hashes the SPKI bytes as they are in the certificate",
          "[openssl]") {
    // An Ed25519 SPKI whose BIT STRING claims one unused bit: OpenSSL clears that bit when it
    // decodes, so re-encoding its key would hash different bytes.
    Bytes der = fixture_der("pki/leaves/valid-ed25519.pem");
    const Bytes prefix = hex("302A300506032B6570032100");
    const auto at = std::search(der.begin(), der.end(), prefix.begin(), prefix.end());
    REQUIRE(at != der.end());
    *(at + 11) = 0x01;
    *(at + 43) |= 0x01;  // the bit the unused-bits count disowns
    const Bytes spki(at, at + 44);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    REQUIRE(EVP_Digest(spki.data(), spki.size(), digest, &length, EVP_sha256(), nullptr) == 1);
    const auto cert = backend().parse_certificate(der);
    CHECK(cert->public_key().spki_sha256 == to_hex_upper(ByteView{digest, length}));
    CHECK(backend().describe_public_key(spki).spki_sha256 == cert->public_key().spki_sha256);
}

// ---------------------------------------------------------------------------------------------
// Signatures

TEST_CASE("openssl: verify_signature", "[openssl]") {
    const auto production = load("pki/ca/production.pem");
    const auto testing = load("pki/ca/testing.pem");

    SECTION("valid chains for every key type") {
        CHECK(backend().verify_signature(*load("pki/leaves/valid-p256.pem"), *production).ok());
        CHECK(backend().verify_signature(*load("pki/leaves/valid-rsa2048.pem"), *testing).ok());
        CHECK(backend()
                  .verify_signature(*load("pki/leaves/valid-ed25519.pem"),
                                    *load("pki/ca/development.pem"))
                  .ok());
    }
    SECTION("a flipped signature byte is invalid") {
        const auto check =
            backend().verify_signature(*load("pki/leaves/bad-signature.pem"), *production);
        CHECK(check.status == SignatureStatus::invalid);
        CHECK_FALSE(check.ok());
        CHECK(check.detail.rfind("signature does not verify", 0) == 0);
    }
    SECTION("the wrong issuer is invalid") {
        const auto impostor = load("pki/ca/impostor-production.pem");
        CHECK(backend().verify_signature(*load("pki/leaves/valid-p256.pem"), *impostor).status
              == SignatureStatus::invalid);
        // An EC signature under an RSA key.
        const auto wrong_type =
            backend().verify_signature(*load("pki/leaves/valid-p256.pem"), *testing);
        CHECK(wrong_type.status == SignatureStatus::invalid);
        CHECK(wrong_type.detail == "signature does not verify: wrong public key type");
    }
    SECTION("a P-256 point off the curve is refused when parsed") {
        // The point's first X octet changed: still 65 octets, no longer on the curve. Botan
        // cannot load such a key, so both backends refuse the certificate.
        Bytes der = fixture_der("pki/leaves/valid-p256.pem");
        const Bytes prefix = hex("06082A8648CE3D030107034200");
        const auto at = std::search(der.begin(), der.end(), prefix.begin(), prefix.end());
        REQUIRE(at != der.end());
        *(at + static_cast<std::ptrdiff_t>(prefix.size()) + 1) ^= 0x01;
        CHECK(parse_error(der)
              == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
    }
    SECTION("an issuer key OpenSSL cannot decode is unsupported, a leaf's key is not decoded") {
        // A secp256k1 point off the curve: curves other than P-256/384/521 are described by
        // OpenSSL's full decode, which leaves the size unknown.
        Bytes der = fixture_der("pki/leaves/secp256k1-key.pem");
        const Bytes prefix = hex("06052B8104000A034200");
        const auto at = std::search(der.begin(), der.end(), prefix.begin(), prefix.end());
        REQUIRE(at != der.end());
        *(at + static_cast<std::ptrdiff_t>(prefix.size()) + 1) ^= 0x01;
        const auto off_curve = parse(der);
        CHECK(off_curve->public_key().bits == 0);
        CHECK(off_curve->public_key().curve == "secp256k1");
        // Under the production CA, whose key is fine, its signature is checked (and fails: the
        // signed bytes changed).
        CHECK(backend().verify_signature(*off_curve, *production).status
              == SignatureStatus::invalid);
        // As an issuer its key has to be decoded, and OpenSSL refuses the point.
        const auto check = backend().verify_signature(*off_curve, *off_curve);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail.rfind("issuer public key unusable", 0) == 0);
        // Asked again (the decode happens once), the answer is the same.
        CHECK(backend().verify_signature(*production, *off_curve).detail == check.detail);
    }
    SECTION("certificates of another backend are unsupported") {
        const auto leaf = load("pki/leaves/valid-p256.pem");
        const Certificate foreign(leaf->fields(), nullptr);
        const auto check = backend().verify_signature(foreign, *production);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK_FALSE(check.detail.empty());
        CHECK(backend().verify_signature(*leaf, foreign).status == SignatureStatus::unsupported);
    }
}

TEST_CASE("openssl: verify_signature from many threads on one issuer", "[openssl]") {
    const auto issuer = load("pki/ca/production.pem");
    const auto good = load("pki/leaves/valid-p256.pem");
    const auto bad = load("pki/leaves/bad-signature.pem");
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                if (!backend().verify_signature(*good, *issuer).ok())
                    ++wrong;
                const auto check = backend().verify_signature(*bad, *issuer);
                if (check.status != SignatureStatus::invalid)
                    ++wrong;
                if (check.detail != "signature does not verify")
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

TEST_CASE("openssl: inputs that are not one certificate throw ParseError", "[openssl]") {
    CHECK(parse_error({}) == "not a DER certificate: empty input");
    for (const char* file : {"pki/malformed/garbage.bin", "pki/malformed/truncated.der",
                             "pki/malformed/text-only.pem", "pki/malformed/bad-base64.pem"}) {
        INFO(file);
        const std::string message = parse_error(read_file(test::testdata(file)));
        CHECK(message.rfind("not a DER certificate: ", 0) == 0);
        CHECK(message.size() > std::string("not a DER certificate: ").size());
        CHECK(message.find('\n') == std::string::npos);
        CHECK(message.back() != '.');
    }

    Bytes der = fixture_der("pki/leaves/valid-p256.pem");
    der.push_back(0x00);
    CHECK(parse_error(der) == "trailing bytes after certificate");
    der.pop_back();
    // Two certificates back to back are not one certificate either.
    Bytes two = der;
    two.insert(two.end(), der.begin(), der.end());
    CHECK(parse_error(two) == "trailing bytes after certificate");
}

TEST_CASE("openssl: BER that OpenSSL would accept is not DER", "[openssl]") {
    const Bytes der = fixture_der("pki/leaves/valid-p256.pem");
    REQUIRE(der[0] == 0x30);
    REQUIRE(der[1] == 0x82);  // long-form length in two octets
    SECTION("indefinite length") {
        Bytes ber{0x30, 0x80};
        ber.insert(ber.end(), der.begin() + 4, der.end());
        ber.insert(ber.end(), {0x00, 0x00});
        CHECK(parse_error(ber) == "not a DER certificate: indefinite length (BER, not DER)");
    }
    SECTION("non-minimal length") {
        Bytes ber{0x30, 0x83, 0x00};
        ber.insert(ber.end(), der.begin() + 2, der.end());
        CHECK(parse_error(ber) == "not a DER certificate: non-minimal length encoding");
    }
    SECTION("PEM text is named as such") {
        CHECK(parse_error(read_file(test::testdata("pki/leaves/valid-p256.pem")))
              == "not a DER certificate: PEM text (decode it first)");
    }
}

TEST_CASE("openssl: validity times must have the RFC 5280 form", "[openssl]") {
    CHECK(parse_error(Builder()
                          .validity("240101000000Z", "20400101000000Z")
                          .raw_time(true, "2401010000Z")
                          .sign())
          == "malformed notBefore time");
    CHECK(parse_error(Builder()
                          .validity("240101000000Z", "20400101000000Z")
                          .raw_time(true, "240101000000+0100")
                          .sign())
          == "malformed notBefore time");
    CHECK(parse_error(Builder()
                          .validity("240101000000Z", "20500101000000Z")
                          .raw_time(false, "20500101000000.5Z")
                          .sign())
          == "malformed notAfter time");
    CHECK(parse_error(Builder()
                          .validity("240101000000Z", "20500101000000Z")
                          .raw_time(false, "20500101000000")
                          .sign())
          == "malformed notAfter time");
}

TEST_CASE("openssl: empty RDNs are rejected", "[openssl]") {
    X509_NAME* name = X509_NAME_new();
    Builder::add_text(name, "C", "US");
    Builder::add_text(name, "CN", "a");
    Bytes der = Builder().subject(name).sign();
    X509_NAME_free(name);
    // SET {C=US} -> SET {} followed by SET {1.2=US}: same length, the first RDN now empty.
    replace_all(der, hex("310B3009060355040613025553"), hex("31003109300706012A0C025553"));
    CHECK(parse_error(der) == "malformed subject name: empty RelativeDistinguishedName");
    // The same inside a directoryName makes the extension malformed.
    CHECK(extension_problem(Builder().raw_ext("2.5.29.17", false, "3006A40430023100").sign())
          == "malformed subjectAltName extension");
}

TEST_CASE("openssl: every truncation and byte flip fails cleanly", "[openssl]") {
    const Bytes der = fixture_der("pki/leaves/nc-ok.pem");
    for (std::size_t length = 0; length < der.size(); ++length) {
        const Bytes prefix(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(length));
        CHECK_THROWS_AS(backend().parse_certificate(prefix), ParseError);
    }
    int parsed = 0;
    for (std::size_t i = 0; i < der.size(); ++i) {
        Bytes mutated = der;
        mutated[i] ^= 0xFF;
        try {
            backend().parse_certificate(mutated);
            ++parsed;
        } catch (const ParseError& e) {
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
        }
    }
    CHECK(parsed > 0);  // flips inside the signature or key still parse
}

// ---------------------------------------------------------------------------------------------
// Built in memory

TEST_CASE("openssl: serial numbers", "[openssl]") {
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
        const auto cert = parse(Builder().serial(c.magnitude, c.negative).sign());
        CHECK(cert->fields().serial_hex == c.hex);
        CHECK(cert->fields().serial_negative == (c.negative && std::string(c.magnitude) != "0"));
        CHECK(cert->fields().serial_octets == c.octets);
    }
}

TEST_CASE("openssl: validity times", "[openssl]") {
    SECTION("UTCTime 1950 and GeneralizedTime 9999") {
        const auto cert = parse(Builder().validity("500101000000Z", "99991231235959Z").sign());
        CHECK(cert->not_before() == make_time(1950, 1, 1));
        CHECK(cert->not_after() == make_time(9999, 12, 31, 23, 59, 59));
    }
    SECTION("the UTCTime/GeneralizedTime boundary") {
        const auto cert = parse(Builder().validity("491231235959Z", "20500101000000Z").sign());
        CHECK(cert->not_before() == make_time(2049, 12, 31, 23, 59, 59));
        CHECK(cert->not_after() == make_time(2050, 1, 1));
        CHECK(format_rfc3339(cert->not_before()) == "2049-12-31T23:59:59Z");
    }
    SECTION("leap day") {
        const auto cert = parse(Builder().validity("20240229123456Z", "21000228000000Z").sign());
        CHECK(cert->not_before() == make_time(2024, 2, 29, 12, 34, 56));
        CHECK(cert->not_after() == make_time(2100, 2, 28));
    }
}

TEST_CASE("openssl: distinguished names", "[openssl]") {
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
        const auto cert = parse(Builder().subject(name).sign());
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
    SECTION("OpenSSL rejects a VisibleString in a name") {
        X509_NAME* name = X509_NAME_new();
        Builder::add_typed(name, "2.5.4.11", V_ASN1_PRINTABLESTRING, {'v', 'i', 's'});
        Bytes der = Builder().subject(name).sign();
        X509_NAME_free(name);
        replace_all(der, hex("060355040B1303766973"), hex("060355040B1A03766973"));
        CHECK(parse_error(der).rfind("not a DER certificate: ", 0) == 0);
    }
    SECTION("empty subject") {
        X509_NAME* name = X509_NAME_new();
        const auto cert = parse(Builder().subject(name).sign());
        X509_NAME_free(name);
        CHECK(cert->subject().empty());
        CHECK(cert->subject().text().empty());
    }
}

TEST_CASE("openssl: keys and signature algorithms built in memory", "[openssl]") {
    SECTION("Ed448") {
        const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448"));
        REQUIRE(key);
        const auto cert = parse(Builder().key(key.get()).sign(key.get(), nullptr));
        CHECK(cert->public_key().algorithm == KeyAlgorithm::ed448);
        CHECK(cert->public_key().bits == 456);
        CHECK(cert->signature_algorithm().name == "Ed448");
        CHECK(cert->signature_algorithm().hash == HashAlgorithm::none);
        CHECK(backend().verify_signature(*cert, *cert).ok());
    }
    SECTION("P-521") {
        const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521"));
        const auto cert = parse(Builder().key(key.get()).sign(key.get(), EVP_sha512()));
        CHECK(cert->public_key().curve == "P-521");
        CHECK(cert->public_key().bits == 521);
        CHECK(cert->signature_algorithm().name == "ecdsa-with-SHA512");
        CHECK(backend().verify_signature(*cert, *cert).ok());
    }
    SECTION("X25519: unknown key algorithm, no size") {
        const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
        const auto cert = parse(Builder().key(key.get()).sign());
        CHECK(cert->public_key().algorithm == KeyAlgorithm::unknown);
        CHECK(cert->public_key().algorithm_oid == "1.3.101.110");
        CHECK(cert->public_key().bits == 0);
        CHECK(cert->public_key().curve.empty());
        CHECK(cert->public_key().spki_sha256.size() == 64);
    }
    SECTION("RSASSA-PSS carries its hash in the parameters") {
        const auto pss = [](const EVP_MD* md) {
            Builder builder;
            builder.key(shared_rsa());
            EVP_MD_CTX* ctx = EVP_MD_CTX_new();
            EVP_PKEY_CTX* pctx = nullptr;
            REQUIRE(EVP_DigestSignInit(ctx, &pctx, md, nullptr, shared_rsa()) == 1);
            REQUIRE(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1);
            REQUIRE(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1);
            REQUIRE(X509_sign_ctx(builder.get(), ctx) > 0);
            EVP_MD_CTX_free(ctx);
            return parse(to_der(builder.get()));
        };
        const auto sha384 = pss(EVP_sha384());
        CHECK(sha384->signature_algorithm().oid == "1.2.840.113549.1.1.10");
        CHECK(sha384->signature_algorithm().name == "RSASSA-PSS");
        CHECK(sha384->signature_algorithm().key_algorithm == KeyAlgorithm::rsa);
        CHECK(sha384->signature_algorithm().hash == HashAlgorithm::sha384);
        CHECK(backend().verify_signature(*sha384, *sha384).ok());
        // SHA-1 is the default: OpenSSL leaves hashAlgorithm out of the parameters.
        CHECK(pss(EVP_sha1())->signature_algorithm().hash == HashAlgorithm::sha1);
    }
    SECTION("an algorithm OpenSSL cannot check is unsupported") {
        Builder builder;
        builder.key(shared_rsa());
        Bytes der = builder.sign(shared_rsa(), EVP_sha256());
        // sha256WithRSAEncryption -> md2WithRSAEncryption, in both signature fields.
        replace_all(der, hex("06092A864886F70D01010B"), hex("06092A864886F70D010102"));
        const auto cert = parse(der);
        CHECK(cert->signature_algorithm().name == "md2WithRSAEncryption");
        CHECK(cert->signature_algorithm().hash == HashAlgorithm::unknown);
        const auto check = backend().verify_signature(*cert, *cert);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK_FALSE(check.detail.empty());
    }
    SECTION("differing inner and outer signature algorithms are invalid") {
        Builder builder;
        builder.key(shared_rsa());
        Bytes der = builder.sign(shared_rsa(), EVP_sha256());
        // Only the outer signatureAlgorithm (the last occurrence) becomes sha512WithRSA.
        const Bytes from = hex("06092A864886F70D01010B");
        const auto it = std::find_end(der.begin(), der.end(), from.begin(), from.end());
        REQUIRE(it != der.end());
        *(it + 10) = 0x0D;
        const auto cert = parse(der);
        CHECK(cert->signature_algorithm().name == "sha512WithRSAEncryption");
        const auto check = backend().verify_signature(*cert, *cert);
        CHECK(check.status == SignatureStatus::invalid);
        CHECK(check.detail.find("TBSCertificate") != std::string::npos);
    }
}

TEST_CASE("openssl: version numbers", "[openssl]") {
    CHECK(parse(Builder().version(X509_VERSION_2).sign())->version() == 2);
    CHECK(parse(Builder().version(X509_VERSION_1).sign())->version() == 1);
    Bytes der = Builder().sign();
    replace_all(der, hex("A003020102"), hex("A003020105"));  // v3 -> "v6"
    CHECK_THROWS_AS(parse(der), ParseError);
}

TEST_CASE("openssl: extensions built in memory", "[openssl]") {
    SECTION("basicConstraints with pathLen, EKU order, policies, all key usage bits") {
        const auto cert = parse(Builder()
                                    .ext(NID_basic_constraints, "critical,CA:TRUE,pathlen:3")
                                    .raw_ext("2.5.29.15", true, "030307FF80")
                                    .ext(NID_ext_key_usage, "serverAuth,clientAuth,1.2.3.4")
                                    // 2.23.140.1.2.1, 1.2.3.5
                                    .raw_ext("2.5.29.32", false,
                                             "30113008060667810C01020130050603"
                                             "2A0305")
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
    SECTION("keyUsage bit numbering") {
        // 03 02 05 A0: bits 0 (digitalSignature) and 2 (keyEncipherment).
        const auto ku =
            parse(Builder().raw_ext("2.5.29.15", false, "030205A0").sign())->extensions().key_usage;
        REQUIRE(ku);
        CHECK_FALSE(ku->critical);
        CHECK(ku->bits == (ku_digital_signature | ku_key_encipherment));
        // 03 02 01 06: keyCertSign (5) and cRLSign (6).
        CHECK(parse(Builder().raw_ext("2.5.29.15", true, "03020106").sign())
                  ->extensions()
                  .key_usage->bits
              == (ku_key_cert_sign | ku_crl_sign));
    }
    SECTION("authorityKeyIdentifier with issuer and serial") {
        // keyid 01020304, authorityCertIssuer dNSName example.com, serial 00FF.
        const auto aki =
            parse(Builder()
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
        const auto cert =
            parse(Builder()
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
    SECTION("subjectAltName x400Address, ediPartyName, directoryName") {
        // [3] {} , [5] {[1] UTF8String "edi"}, [4] {Name CN=dir}
        const auto san =
            parse(Builder()
                      .raw_ext("2.5.29.17", false,
                               "301DA300A507A1050C03656469A410300E310C300A06035504030C03646972")
                      .sign())
                ->extensions()
                .subject_alt_name;
        REQUIRE(san);
        REQUIRE(san->names.size() == 3);
        CHECK(san->names[0] == name_of(GeneralNameType::other, "tag:3"));
        CHECK(san->names[1] == name_of(GeneralNameType::other, "tag:5"));
        CHECK(san->names[2].type == GeneralNameType::directory);
        CHECK(san->names[2].value == "CN=dir");
        REQUIRE(san->names[2].directory);
        CHECK(san->names[2].directory->common_names() == std::vector<std::string>{"dir"});
    }
    SECTION("name constraints with IP subtrees") {
        const auto nc = parse(Builder()
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
    SECTION("recognised informational extensions are not unrecognized") {
        const auto cert =
            parse(Builder()
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
}

TEST_CASE("openssl: malformed and duplicate extensions are problems of a certificate that parses",
          "[openssl]") {
    const auto error = [](const char* oid, const char* value_hex) {
        return extension_problem(Builder().raw_ext(oid, false, value_hex).sign());
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

    CHECK(extension_problem(
              Builder().raw_ext("1.2.3.4", false, "0500").raw_ext("1.2.3.4", false, "0500").sign())
          == "duplicate extension 1.2.3.4");
    CHECK(extension_problem(Builder()
                                .ext(NID_basic_constraints, "CA:FALSE")
                                .ext(NID_basic_constraints, "CA:TRUE")
                                .sign())
          == "duplicate extension 2.5.29.19");
}
