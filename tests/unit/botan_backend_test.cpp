// The Botan backend against the committed test PKI and against certificates assembled byte by
// byte below (for edge cases no fixture has and that OpenSSL's or Botan's builders refuse to make).
// Botan's own X509_Certificate parser is the oracle for thumbprints, key identifiers and SPKI
// hashes of the fixtures.

#include <atomic>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <botan/data_src.h>
#include <botan/hash.h>
#include <botan/hex.h>
#include <botan/pem.h>
#include <botan/x509cert.h>
#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/time.hpp"

#include "support/extension_problem.hpp"
#include "support/testdata.hpp"

using namespace dpslint;

namespace {

const CryptoBackend& backend() {
    static const std::unique_ptr<CryptoBackend> instance = make_botan_backend();
    return *instance;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes to_bytes(const std::string& s) {
    return Bytes(s.begin(), s.end());
}

// A file of the test PKI (testdata/pki).
std::filesystem::path pki(const std::string& relative) {
    return test::testdata("pki/" + relative);
}

// The first PEM block of a fixture, decoded by Botan's PEM reader.
Bytes fixture_der(const std::string& relative) {
    Botan::DataSource_Memory source(read_text(pki(relative)));
    std::string label;
    const auto der = Botan::PEM_Code::decode(source, label);
    REQUIRE(label == "CERTIFICATE");
    return Bytes(der.begin(), der.end());
}

CertificatePtr load(const std::string& relative) {
    return backend().parse_certificate(fixture_der(relative));
}

// Botan's X509_Certificate over the same DER: the independent oracle.
Botan::X509_Certificate oracle(const std::string& relative) {
    const Bytes der = fixture_der(relative);
    return Botan::X509_Certificate(der.data(), der.size());
}

std::string sha256_hex(const std::vector<std::uint8_t>& data) {
    const auto hash = Botan::HashFunction::create_or_throw("SHA-256");
    hash->update(data);
    return to_hex_upper(hash->final_stdvec());
}

// Botan prints fingerprints as "AB:CD:..."; dpslint as "ABCD...".
std::string without_colons(std::string text) {
    std::erase(text, ':');
    return text;
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

void require_one_line(const std::string& message) {
    CHECK(message.find('\n') == std::string::npos);
    REQUIRE_FALSE(message.empty());
    CHECK(message.back() != '.');
}

std::vector<std::string> oids(const std::vector<ExtensionInfo>& list) {
    std::vector<std::string> out;
    for (const auto& e : list)
        out.push_back(e.oid);
    return out;
}

// ---------------------------------------------------------------------------------------------
// A few lines of DER assembly for in-memory certificates. Their signatures are never checked;
// the field tests only need the TBS structure.

Bytes tlv(std::uint8_t tag, const Bytes& content) {
    Bytes out{tag};
    const std::size_t n = content.size();
    if (n < 0x80) {
        out.push_back(static_cast<std::uint8_t>(n));
    } else if (n < 0x100) {
        out.insert(out.end(), {0x81, static_cast<std::uint8_t>(n)});
    } else {
        out.insert(out.end(),
                   {0x82, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    }
    out.insert(out.end(), content.begin(), content.end());
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

Bytes seq(std::initializer_list<Bytes> parts) {
    return tlv(0x30, cat(parts));
}
Bytes set(std::initializer_list<Bytes> parts) {
    return tlv(0x31, cat(parts));
}
Bytes raw(std::initializer_list<std::uint8_t> bytes) {
    return Bytes(bytes);
}
Bytes text(std::uint8_t tag, std::string_view s) {
    return tlv(tag, Bytes(s.begin(), s.end()));
}
Bytes utf8(std::string_view s) {
    return text(0x0C, s);
}
Bytes printable(std::string_view s) {
    return text(0x13, s);
}
Bytes ia5(std::string_view s) {
    return text(0x16, s);
}
Bytes octets(const Bytes& b) {
    return tlv(0x04, b);
}
Bytes boolean(bool v) {
    return tlv(0x01, raw({static_cast<std::uint8_t>(v ? 0xFF : 0x00)}));
}
Bytes integer(const Bytes& content) {
    return tlv(0x02, content);
}
Bytes bits(const Bytes& b, std::uint8_t unused = 0) {
    return tlv(0x03, cat({raw({unused}), b}));
}
Bytes context(unsigned n, const Bytes& content, bool constructed) {
    return tlv(static_cast<std::uint8_t>((constructed ? 0xA0 : 0x80) | n), content);
}

Bytes oid(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    std::uint64_t value = 0;
    for (const char c : dotted) {
        if (c == '.') {
            arcs.push_back(value);
            value = 0;
        } else {
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
    }
    arcs.push_back(value);
    Bytes content;
    const auto put = [&](std::uint64_t v) {
        Bytes enc{static_cast<std::uint8_t>(v & 0x7F)};
        for (v >>= 7; v != 0; v >>= 7)
            enc.insert(enc.begin(), static_cast<std::uint8_t>(0x80 | (v & 0x7F)));
        content.insert(content.end(), enc.begin(), enc.end());
    };
    put(arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i)
        put(arcs[i]);
    return tlv(0x06, content);
}

Bytes attribute(std::string_view type, const Bytes& value) {
    return seq({oid(type), value});
}
Bytes cn(std::string_view value) {
    return set({attribute("2.5.4.3", utf8(value))});
}
Bytes extension(std::string_view id, const Bytes& value, bool critical = false) {
    return critical ? seq({oid(id), boolean(true), octets(value)}) : seq({oid(id), octets(value)});
}

const Bytes& p256_spki() {
    static const Bytes spki = [] {
        const auto cert = oracle("leaves/valid-p256.pem");
        return Bytes(cert.subject_public_key_info().begin(), cert.subject_public_key_info().end());
    }();
    return spki;
}

struct Tbs {
    Bytes version = context(0, integer(raw({2})), true);
    Bytes serial = integer(raw({0x01}));
    Bytes signature = seq({oid("1.2.840.10045.4.3.2")});
    Bytes issuer = seq({cn("synthetic")});
    Bytes validity = seq({text(0x17, "240101000000Z"), text(0x17, "400101000000Z")});
    Bytes subject = seq({cn("synthetic")});
    Bytes spki = p256_spki();
    Bytes extra;  // after the SPKI: unique IDs, [3] extensions
    Bytes outer_signature = seq({oid("1.2.840.10045.4.3.2")});

    Tbs& extensions(std::initializer_list<Bytes> list) {
        extra = context(3, seq(list), true);
        return *this;
    }

    Bytes der() const {
        const Bytes tbs = seq({version, serial, signature, issuer, validity, subject, spki, extra});
        return seq({tbs, outer_signature, bits(raw({0x00}))});
    }
};

CertificatePtr parse(const Tbs& tbs) {
    return backend().parse_certificate(tbs.der());
}

Extensions with_extensions(std::initializer_list<Bytes> list) {
    Tbs tbs;
    tbs.extensions(list);
    return parse(tbs)->extensions();
}

// The problem of a certificate whose only extension has the given value.
std::string extension_error(std::string_view id, const Bytes& value) {
    Tbs tbs;
    tbs.extensions({extension(id, value)});
    return extension_problem(tbs.der());
}

class ForeignNative final : public NativeCertificate {};

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("botan backend identifies itself", "[botan]") {
    REQUIRE(backend().name() == "botan");
    REQUIRE(make_backend(BackendKind::botan)->name() == "botan");
}

TEST_CASE("botan: P-256 leaf fields", "[botan]") {
    const auto cert = load("leaves/valid-p256.pem");
    const auto oracle_cert = oracle("leaves/valid-p256.pem");
    const auto& f = cert->fields();

    CHECK(f.der == fixture_der("leaves/valid-p256.pem"));
    CHECK(f.version == 3);
    CHECK(f.serial_hex == "2000");
    CHECK_FALSE(f.serial_negative);
    CHECK(f.serial_octets == 2);

    CHECK(f.subject.text() == "CN=valid-p256");
    CHECK(f.subject.common_names() == std::vector<std::string>{"valid-p256"});
    CHECK(f.issuer.text() == "CN=dpslint Production Intermediate CA,O=dpslint Test,C=US");
    REQUIRE(f.issuer.rdns().size() == 3);
    CHECK(f.issuer.rdns()[0][0].oid == "2.5.4.6");  // encoding order: C first
    CHECK(f.issuer.rdns()[0][0].short_name == "C");
    CHECK(f.issuer.rdns()[0][0].value == "US");
    CHECK(f.issuer.rdns()[0][0].is_string);
    CHECK(f.issuer.rdns()[2][0].value == "dpslint Production Intermediate CA");
    CHECK_FALSE(cert->is_self_issued());

    CHECK(f.not_before == make_time(2024, 1, 1));
    CHECK(f.not_after == make_time(2040, 1, 1));

    CHECK(f.public_key.algorithm == KeyAlgorithm::ec);
    CHECK(f.public_key.algorithm_oid == "1.2.840.10045.2.1");
    CHECK(f.public_key.bits == 256);
    CHECK(f.public_key.curve == "P-256");
    CHECK(f.public_key.spki_sha256 == sha256_hex(oracle_cert.subject_public_key_info()));

    CHECK(f.signature_algorithm.oid == "1.2.840.10045.4.3.2");
    CHECK(f.signature_algorithm.name == "ecdsa-with-SHA256");
    CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::ec);
    CHECK(f.signature_algorithm.hash == HashAlgorithm::sha256);

    CHECK(f.sha1 == without_colons(oracle_cert.fingerprint("SHA-1")));
    CHECK(f.sha256 == without_colons(oracle_cert.fingerprint("SHA-256")));
    CHECK(f.sha256.size() == 64);

    const auto& e = f.extensions;
    CHECK(oids(e.all)
          == std::vector<std::string>{"2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.14",
                                      "2.5.29.35"});
    CHECK(e.all[0].critical);
    CHECK_FALSE(e.all[2].critical);
    CHECK(e.unrecognized.empty());
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
    REQUIRE(e.subject_key_identifier);
    CHECK(e.subject_key_identifier->key_id == Botan::hex_encode(oracle_cert.subject_key_id()));
    REQUIRE(e.authority_key_identifier);
    CHECK(e.authority_key_identifier->key_id == Botan::hex_encode(oracle_cert.authority_key_id()));
    CHECK(e.authority_key_identifier->issuer_serial.empty());
    CHECK_FALSE(e.subject_alt_name);
    CHECK_FALSE(e.name_constraints);
    CHECK_FALSE(e.certificate_policies);
}

TEST_CASE("botan: the DER fixture decodes like its PEM twin", "[botan]") {
    const auto from_pem = load("leaves/valid-p256.pem");
    const Bytes der = to_bytes(read_text(pki("leaves/valid-p256.der")));
    const auto from_der = backend().parse_certificate(der);
    CHECK(from_der->fields() == from_pem->fields());
}

TEST_CASE("botan: RSA, P-384 and Ed25519 leaves", "[botan]") {
    SECTION("RSA-2048") {
        const auto cert = load("leaves/valid-rsa2048.pem");
        const auto& f = cert->fields();
        CHECK(f.serial_hex == "3000");
        CHECK(f.subject.text() == "CN=valid-rsa2048");
        CHECK(f.public_key.algorithm == KeyAlgorithm::rsa);
        CHECK(f.public_key.algorithm_oid == "1.2.840.113549.1.1.1");
        CHECK(f.public_key.bits == 2048);
        CHECK(f.public_key.curve.empty());
        CHECK(f.signature_algorithm.name == "sha256WithRSAEncryption");
        CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::rsa);
        CHECK(f.signature_algorithm.hash == HashAlgorithm::sha256);
        REQUIRE(f.extensions.key_usage);
        CHECK(f.extensions.key_usage->bits == (ku_digital_signature | ku_key_encipherment));
        CHECK(f.public_key.spki_sha256
              == sha256_hex(oracle("leaves/valid-rsa2048.pem").subject_public_key_info()));
    }
    SECTION("RSA-4096") {
        CHECK(load("leaves/valid-rsa4096.pem")->public_key().bits == 4096);
    }
    SECTION("P-384") {
        const auto cert = load("leaves/valid-p384.pem");
        CHECK(cert->public_key().algorithm == KeyAlgorithm::ec);
        CHECK(cert->public_key().bits == 384);
        CHECK(cert->public_key().curve == "P-384");
        CHECK(cert->serial_hex() == "2001");
    }
    SECTION("secp256k1") {
        const auto cert = load("leaves/secp256k1-key.pem");
        CHECK(cert->public_key().curve == "secp256k1");
        CHECK(cert->public_key().bits == 256);
    }
    SECTION("Ed25519 leaf under an Ed25519 CA") {
        const auto cert = load("leaves/valid-ed25519.pem");
        const auto& f = cert->fields();
        CHECK(f.public_key.algorithm == KeyAlgorithm::ed25519);
        CHECK(f.public_key.algorithm_oid == "1.3.101.112");
        CHECK(f.public_key.bits == 256);
        CHECK(f.public_key.curve.empty());
        CHECK(f.signature_algorithm.oid == "1.3.101.112");
        CHECK(f.signature_algorithm.name == "Ed25519");
        CHECK(f.signature_algorithm.key_algorithm == KeyAlgorithm::ed25519);
        CHECK(f.signature_algorithm.hash == HashAlgorithm::none);
        CHECK(f.serial_hex == "4000");
        CHECK(f.issuer.text() == "CN=dpslint Development Intermediate CA,O=dpslint Test,C=US");
    }
    SECTION("weak signature algorithms still decode") {
        CHECK(load("leaves/sha1-signature.pem")->signature_algorithm().name
              == "sha1WithRSAEncryption");
        CHECK(load("leaves/md5-signature.pem")->signature_algorithm().hash == HashAlgorithm::md5);
        CHECK(load("leaves/rsa1024.pem")->public_key().bits == 1024);
    }
}

TEST_CASE("botan: CA certificates", "[botan]") {
    SECTION("self-signed root") {
        const auto root = load("ca/root.pem");
        const auto oracle_root = oracle("ca/root.pem");
        const auto& f = root->fields();
        CHECK(f.version == 3);
        CHECK(f.serial_hex == "1000");
        CHECK(f.subject.text() == "CN=dpslint Test Root CA,O=dpslint Test,C=US");
        CHECK(root->is_self_issued());
        CHECK(root->is_ca());
        CHECK(f.not_before == make_time(2020, 1, 1));
        CHECK(f.not_after == make_time(2050, 1, 1));
        CHECK(f.public_key.curve == "P-384");
        CHECK(f.public_key.bits == 384);
        CHECK(f.signature_algorithm.name == "ecdsa-with-SHA384");
        CHECK(f.signature_algorithm.hash == HashAlgorithm::sha384);
        const auto& e = f.extensions;
        CHECK(oids(e.all) == std::vector<std::string>{"2.5.29.19", "2.5.29.15", "2.5.29.14"});
        REQUIRE(e.basic_constraints);
        CHECK(e.basic_constraints->critical);
        CHECK(e.basic_constraints->ca);
        CHECK_FALSE(e.basic_constraints->path_len);  // Botan's own API would report a limit here
        REQUIRE(e.key_usage);
        CHECK(e.key_usage->bits == (ku_key_cert_sign | ku_crl_sign));
        CHECK(e.subject_key_identifier->key_id == Botan::hex_encode(oracle_root.subject_key_id()));
        CHECK_FALSE(e.authority_key_identifier);
        CHECK(f.sha256 == without_colons(oracle_root.fingerprint("SHA-256")));
    }
    SECTION("intermediates carry pathLen 0 and point at the root's key") {
        const auto root = load("ca/root.pem");
        for (const char* file : {"ca/production.pem", "ca/testing.pem", "ca/development.pem"}) {
            INFO(file);
            const auto ca = load(file);
            REQUIRE(ca->extensions().basic_constraints);
            CHECK(ca->extensions().basic_constraints->ca);
            CHECK(ca->extensions().basic_constraints->path_len == 0);
            REQUIRE(ca->extensions().authority_key_identifier);
            CHECK(ca->extensions().authority_key_identifier->key_id
                  == root->extensions().subject_key_identifier->key_id);
            CHECK(ca->issuer() == root->subject());
        }
        CHECK(load("ca/production.pem")->public_key().curve == "P-256");
        CHECK(load("ca/testing.pem")->public_key().bits == 2048);
        CHECK(load("ca/development.pem")->public_key().algorithm == KeyAlgorithm::ed25519);
    }
    SECTION("X.509 v1 intermediate") {
        const auto v1 = load("ca/v1-intermediate.pem");
        CHECK(v1->version() == 1);
        CHECK(v1->extensions().all.empty());
        CHECK_FALSE(v1->extensions().basic_constraints);
        CHECK_FALSE(v1->is_ca());
        CHECK(v1->subject().text() == "CN=dpslint V1 Intermediate CA,O=dpslint Test,C=US");
    }
    SECTION("keyUsage without keyCertSign, CA:FALSE issuer, no basicConstraints") {
        CHECK(load("ca/no-certsign-intermediate.pem")->extensions().key_usage->bits
              == ku_digital_signature);
        CHECK_FALSE(load("ca/not-ca-intermediate.pem")->is_ca());
        const auto no_bc = load("ca/no-bc-intermediate.pem");
        CHECK_FALSE(no_bc->extensions().basic_constraints);
        CHECK(no_bc->extensions().key_usage->has(ku_key_cert_sign));
    }
}

TEST_CASE("botan: name constraints and subjectAltName fixtures", "[botan]") {
    const auto ca = load("ca/nc-intermediate.pem");
    const auto& nc = ca->extensions().name_constraints;
    REQUIRE(nc);
    CHECK(nc->critical);
    REQUIRE(nc->permitted.size() == 2);
    CHECK(nc->permitted[0].type == GeneralNameType::directory);
    CHECK(nc->permitted[0].value == "O=dpslint Test,C=US");
    REQUIRE(nc->permitted[0].directory);
    CHECK(nc->permitted[0].directory->rdns().size() == 2);
    CHECK(nc->permitted[1].type == GeneralNameType::dns);
    CHECK(nc->permitted[1].value == "devices.example.com");
    REQUIRE(nc->excluded.size() == 1);
    CHECK(nc->excluded[0].type == GeneralNameType::dns);
    CHECK(nc->excluded[0].value == "blocked.devices.example.com");

    const auto leaf = load("leaves/nc-ok.pem");
    CHECK(leaf->subject().text() == "CN=nc-ok,O=dpslint Test,C=US");
    CHECK(leaf->subject().within_subtree(*nc->permitted[0].directory));
    const auto& san = leaf->extensions().subject_alt_name;
    REQUIRE(san);
    CHECK_FALSE(san->critical);
    REQUIRE(san->names.size() == 1);
    CHECK(san->names[0].type == GeneralNameType::dns);
    CHECK(san->names[0].value == "nc-ok.devices.example.com");

    CHECK(load("leaves/nc-dns-excluded.pem")->extensions().subject_alt_name->names[0].value
          == "x.blocked.devices.example.com");
    CHECK(load("leaves/nc-dirname-violation.pem")->subject().text()
          == "CN=nc-dir,O=Other Org,C=US");
}

TEST_CASE("botan: unknown critical extension is listed as unrecognized", "[botan]") {
    const auto cert = load("leaves/unknown-critical-extension.pem");
    const auto& e = cert->extensions();
    REQUIRE(e.unrecognized.size() == 1);
    CHECK(e.unrecognized[0].oid == "1.3.6.1.4.1.55555.1");
    CHECK(e.unrecognized[0].critical);
    CHECK(e.has_unrecognized_critical());
    CHECK(oids(e.all).back() == "1.3.6.1.4.1.55555.1");
    CHECK_FALSE(load("leaves/valid-p256.pem")->extensions().has_unrecognized_critical());
}

TEST_CASE("botan: describe_public_key matches the certificate's key", "[botan]") {
    for (const char* file : {"leaves/valid-p256.pem", "leaves/valid-rsa2048.pem",
                             "leaves/valid-ed25519.pem", "ca/root.pem"}) {
        INFO(file);
        const auto spki = oracle(file).subject_public_key_info();
        const PublicKeyInfo info = backend().describe_public_key(Bytes(spki.begin(), spki.end()));
        CHECK(info == load(file)->public_key());
    }
    const auto spki = oracle("leaves/valid-p256.pem").subject_public_key_info();
    Bytes trailing(spki.begin(), spki.end());
    trailing.push_back(0x00);
    CHECK_THROWS_AS(backend().describe_public_key(trailing), ParseError);
    CHECK_THROWS_AS(backend().describe_public_key(Bytes{}), ParseError);
    CHECK_THROWS_AS(backend().describe_public_key(raw({0x30, 0x03, 0x02, 0x01, 0x01})), ParseError);
    CHECK_THROWS_AS(backend().describe_public_key(to_bytes("not a key")), ParseError);
}

TEST_CASE("botan: verify_signature", "[botan]") {
    const auto root = load("ca/root.pem");
    const auto production = load("ca/production.pem");
    const auto testing = load("ca/testing.pem");
    const auto development = load("ca/development.pem");

    SECTION("valid signatures of every key type") {
        CHECK(backend().verify_signature(*root, *root).ok());  // self-signed
        CHECK(backend().verify_signature(*production, *root).ok());
        CHECK(backend().verify_signature(*development, *root).ok());
        CHECK(backend().verify_signature(*load("leaves/valid-p256.pem"), *production).ok());
        CHECK(backend().verify_signature(*load("leaves/valid-p384.pem"), *production).ok());
        CHECK(backend().verify_signature(*load("leaves/valid-rsa2048.pem"), *testing).ok());
        CHECK(backend().verify_signature(*load("leaves/valid-rsa4096.pem"), *testing).ok());
        CHECK(backend().verify_signature(*load("leaves/valid-ed25519.pem"), *development).ok());
        CHECK(backend().verify_signature(*load("leaves/sha1-signature.pem"), *testing).ok());
        const auto v1 = load("ca/v1-intermediate.pem");
        CHECK(backend().verify_signature(*v1, *root).ok());
        CHECK(backend().verify_signature(*load("leaves/v1-intermediate.pem"), *v1).ok());
    }
    SECTION("a flipped signature byte is invalid") {
        const auto check =
            backend().verify_signature(*load("leaves/bad-signature.pem"), *production);
        CHECK(check.status == SignatureStatus::invalid);
        CHECK_FALSE(check.detail.empty());
    }
    SECTION("the wrong issuer key is invalid") {
        const auto leaf = load("leaves/valid-p256.pem");
        CHECK(backend().verify_signature(*leaf, *root).status == SignatureStatus::invalid);
        CHECK(backend().verify_signature(*load("leaves/same-dn-impostor.pem"), *production).status
              == SignatureStatus::invalid);
        const auto other_type = backend().verify_signature(*leaf, *testing);  // RSA key
        CHECK(other_type.status == SignatureStatus::invalid);
        CHECK(other_type.detail.find("RSA") != std::string::npos);
    }
    SECTION("certificates of another backend are unsupported") {
        const Certificate foreign(production->fields(), std::make_shared<ForeignNative>());
        const auto leaf = load("leaves/valid-p256.pem");
        const auto check = backend().verify_signature(*leaf, foreign);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail.find("botan") != std::string::npos);
        CHECK(backend().verify_signature(foreign, *root).status == SignatureStatus::unsupported);
    }
    SECTION("an issuer key Botan 2 cannot load is unsupported") {
        Tbs ed448;
        ed448.spki = seq({seq({oid("1.3.101.113")}), bits(Bytes(57, 0x01))});
        const auto issuer = parse(ed448);
        CHECK(issuer->public_key().algorithm == KeyAlgorithm::ed448);
        CHECK(issuer->public_key().bits == 456);
        Tbs subject;
        subject.signature = subject.outer_signature = seq({oid("1.3.101.113")});
        const auto check = backend().verify_signature(*parse(subject), *issuer);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail.find("Ed448") != std::string::npos);
    }
    SECTION("unknown signature algorithms are unsupported") {
        Tbs tbs;
        tbs.signature = tbs.outer_signature = seq({oid("1.2.3.4.5")});
        const auto cert = parse(tbs);
        CHECK(cert->signature_algorithm().name == "1.2.3.4.5");
        CHECK(backend().verify_signature(*cert, *production).status
              == SignatureStatus::unsupported);
    }
    SECTION("signatureAlgorithm differing from tbsCertificate.signature is invalid") {
        Tbs tbs;
        tbs.signature = seq({oid("1.2.840.10045.4.3.3")});
        const auto cert = parse(tbs);
        CHECK(cert->signature_algorithm().name == "ecdsa-with-SHA256");  // the outer one
        CHECK(backend().verify_signature(*cert, *production).status == SignatureStatus::invalid);
    }
}

TEST_CASE("botan: verify_signature and parsing from many threads", "[botan]") {
    const auto production = load("ca/production.pem");
    const Bytes good_der = fixture_der("leaves/valid-p256.pem");
    const auto good = backend().parse_certificate(good_der);
    const auto bad = load("leaves/bad-signature.pem");
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                if (!backend().verify_signature(*good, *production).ok())
                    ++failures;
                if (backend().verify_signature(*bad, *production).status
                    != SignatureStatus::invalid)
                    ++failures;
                if (backend().parse_certificate(good_der)->fields() != good->fields())
                    ++failures;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    CHECK(failures == 0);
}

TEST_CASE("botan: inputs that are not one certificate throw ParseError", "[botan]") {
    const Bytes good = fixture_der("leaves/valid-p256.pem");

    const std::string empty = parse_error(Bytes{});
    CHECK(empty.rfind("not a DER certificate", 0) == 0);
    require_one_line(empty);

    const std::string garbage = parse_error(to_bytes(read_text(pki("malformed/garbage.bin"))));
    CHECK(garbage.rfind("not a DER certificate", 0) == 0);
    require_one_line(garbage);

    const std::string truncated = parse_error(to_bytes(read_text(pki("malformed/truncated.der"))));
    CHECK(truncated.rfind("not a DER certificate", 0) == 0);
    require_one_line(truncated);

    const std::string pem = parse_error(to_bytes(read_text(pki("leaves/valid-p256.pem"))));
    CHECK(pem.find("PEM") != std::string::npos);
    require_one_line(pem);

    Bytes trailing = good;
    trailing.push_back(0x00);
    CHECK(parse_error(trailing) == "trailing bytes after certificate");

    Bytes two = good;
    two.insert(two.end(), good.begin(), good.end());
    CHECK(parse_error(two) == "trailing bytes after certificate");

    // A CSR is a SEQUENCE too, but not a certificate.
    Botan::DataSource_Memory csr(read_text(pki("malformed/csr.pem")));
    std::string label;
    const auto csr_der = Botan::PEM_Code::decode(csr, label);
    require_one_line(parse_error(Bytes(csr_der.begin(), csr_der.end())));
    CHECK(parse_error(Bytes(csr_der.begin(), csr_der.end())) != "no error");
}

TEST_CASE("botan: every truncation and many byte flips fail cleanly", "[botan]") {
    const Bytes good = fixture_der("leaves/valid-p256.pem");
    for (std::size_t n = 0; n < good.size(); ++n) {
        const Bytes cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
        CHECK_THROWS_AS(backend().parse_certificate(cut), ParseError);
    }
    // Flipped bytes either still decode or throw ParseError; nothing else escapes.
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (const std::uint8_t mask : {0x01, 0x80, 0xFF}) {
            Bytes flipped = good;
            flipped[i] = static_cast<std::uint8_t>(flipped[i] ^ mask);
            try {
                backend().parse_certificate(flipped);
            } catch (const ParseError& e) {
                const std::string message = e.what();
                if (message.find('\n') != std::string::npos || message.empty())
                    FAIL("bad message at byte " << i << ": " << message);
            }
        }
    }
}

TEST_CASE("botan: serial numbers", "[botan]") {
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
        const auto cert = parse(tbs);
        INFO(c.hex);
        CHECK(cert->fields().serial_hex == c.hex);
        CHECK(cert->fields().serial_negative == c.negative);
        CHECK(cert->fields().serial_octets == c.octets);
    }

    Bytes twenty(20, 0x11);
    twenty[0] = 0x7F;
    Tbs tbs20;
    tbs20.serial = integer(twenty);
    CHECK(parse(tbs20)->fields().serial_octets == 20);
    Bytes twenty_one = cat({raw({0x00}), Bytes(20, 0x91)});
    Tbs tbs21;
    tbs21.serial = integer(twenty_one);
    CHECK(parse(tbs21)->fields().serial_octets == 21);
    CHECK(parse(tbs21)->fields().serial_hex == to_hex_upper(Bytes(20, 0x91)));

    // Not DER: OpenSSL rejects these as well.
    Tbs empty;
    empty.serial = integer(Bytes{});
    CHECK(parse_error(empty.der()).find("empty INTEGER") != std::string::npos);
    Tbs padded;
    padded.serial = integer(raw({0x00, 0x01}));
    CHECK(parse_error(padded.der()).find("non-minimal") != std::string::npos);
}

TEST_CASE("botan: validity times", "[botan]") {
    const auto times = [](const Bytes& before, const Bytes& after) {
        Tbs tbs;
        tbs.validity = seq({before, after});
        return tbs;
    };
    SECTION("UTCTime century window and GeneralizedTime up to 9999") {
        const auto cert = parse(times(text(0x17, "500101000000Z"), text(0x18, "99991231235959Z")));
        CHECK(cert->not_before() == make_time(1950, 1, 1));
        CHECK(cert->not_after() == make_time(9999, 12, 31, 23, 59, 59));
        CHECK(format_rfc3339(cert->not_after()) == "9999-12-31T23:59:59Z");
        const auto window =
            parse(times(text(0x17, "491231235959Z"), text(0x18, "00010101000000Z")));
        CHECK(window->not_before() == make_time(2049, 12, 31, 23, 59, 59));
        CHECK(window->not_after() == make_time(1, 1, 1));
        CHECK(parse(times(text(0x17, "240229120000Z"), text(0x17, "400101000000Z")))->not_before()
              == make_time(2024, 2, 29, 12));
    }
    SECTION("only the RFC 5280 forms") {
        for (const auto& bad : {text(0x17, "2401010000Z"), text(0x17, "240101000000+0100"),
                                text(0x18, "20240101000000.5Z"), text(0x17, "240230000000Z"),
                                text(0x17, "240101000060Z"), text(0x17, "24010100000AZ"),
                                text(0x18, "240101000000Z"), printable("240101000000Z")}) {
            CHECK(parse_error(times(bad, text(0x17, "400101000000Z")).der())
                  == "malformed notBefore time");
        }
        CHECK(parse_error(times(text(0x17, "240101000000Z"), text(0x17, "401301000000Z")).der())
              == "malformed notAfter time");
    }
}

TEST_CASE("botan: distinguished names", "[botan]") {
    SECTION("multi-valued RDNs stay grouped, in encoding order") {
        Tbs tbs;
        tbs.subject =
            seq({set({attribute("2.5.4.6", printable("US"))}),
                 set({attribute("2.5.4.11", utf8("IoT")), attribute("2.5.4.10", utf8("Contoso"))}),
                 cn("dev+1,x")});
        const auto cert = parse(tbs);
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
        const auto cert = parse(tbs);
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
        const auto cert = parse(tbs);
        const auto& ava = cert->subject().rdns()[0][0];
        CHECK_FALSE(ava.is_string);
        CHECK(ava.value == "#" + to_hex_upper(value));
        CHECK(ava.value == "#30030C0178");
    }
    SECTION("a BIT STRING value is printed as OpenSSL re-encodes it") {
        Tbs tbs;
        tbs.subject = seq({set({attribute("1.2.3.4", tlv(0x03, raw({0x01, 0x03})))}),
                           set({attribute("1.2.3.5", tlv(0x03, raw({0x05})))})});
        const auto cert = parse(tbs);
        CHECK(cert->subject().rdns()[0][0].value == "#03020102");  // padding bit cleared
        CHECK(cert->subject().rdns()[1][0].value == "#030100");    // no octets, no unused bits
    }
    SECTION("an empty name") {
        Tbs tbs;
        tbs.subject = seq({});
        const auto cert = parse(tbs);
        CHECK(cert->subject().empty());
        CHECK(cert->label() == "(empty subject, serial 01)");
    }
    SECTION("names OpenSSL refuses are refused") {
        const auto name_error = [](const Bytes& value) {
            Tbs tbs;
            tbs.issuer = seq({set({attribute("2.5.4.3", value)})});
            return parse_error(tbs.der());
        };
        CHECK(name_error(tlv(0x0C, raw({'b', 0xFF}))).rfind("malformed issuer name", 0) == 0);
        CHECK(name_error(tlv(0x1E, raw({0x00, 'a', 'b'}))) != "no error");
        CHECK(name_error(tlv(0x1E, raw({0xD8, 0x00}))) != "no error");
        CHECK(name_error(text(0x1A, "visible")) != "no error");
        CHECK(name_error(integer(raw({0x05}))) != "no error");
        CHECK(name_error(tlv(0x03, raw({0x08, 0x00}))) != "no error");  // 8 unused bits
        CHECK(name_error(tlv(0x2C, utf8("x"))) != "no error");          // constructed UTF8String
        CHECK(name_error(tlv(0x10, raw({'a', 'b'}))) != "no error");    // primitive SEQUENCE
        Tbs empty_rdn;
        empty_rdn.subject = seq({set({})});
        CHECK(parse_error(empty_rdn.der()).rfind("malformed subject name", 0) == 0);
    }
}

TEST_CASE("botan: keys and signature algorithms built in memory", "[botan]") {
    SECTION("an unknown key algorithm decodes with bits 0") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.3.4.5")}), bits(raw({0x01, 0x02}))});
        const auto cert = parse(tbs);
        const auto& key = cert->public_key();
        CHECK(key.algorithm == KeyAlgorithm::unknown);
        CHECK(key.algorithm_oid == "1.2.3.4.5");
        CHECK(key.bits == 0);
        CHECK(key.curve.empty());
        CHECK(key.spki_sha256 == sha256_hex(tbs.spki));
        CHECK(backend().describe_public_key(tbs.spki) == key);
    }
    SECTION("an RSA key Botan refuses still reports its modulus size") {
        Tbs tbs;
        const Bytes rsa_key = seq({integer(cat({raw({0x00}), Bytes(256, 0xC3)})),
                                   integer(raw({0x01, 0x00, 0x02}))});  // even exponent
        tbs.spki = seq({seq({oid("1.2.840.113549.1.1.1"), tlv(0x05, {})}), bits(rsa_key)});
        const auto cert = parse(tbs);
        CHECK(cert->public_key().algorithm == KeyAlgorithm::rsa);
        CHECK(cert->public_key().bits == 2048);
        Tbs subject;
        subject.signature = subject.outer_signature = seq({oid("1.2.840.113549.1.1.11")});
        const auto check = backend().verify_signature(*parse(subject), *cert);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail.rfind("issuer public key unusable", 0) == 0);
    }
    SECTION("X25519 is not a signature key") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.3.101.110")}), bits(Bytes(32, 0x09))});
        CHECK(parse(tbs)->public_key().algorithm == KeyAlgorithm::unknown);
    }
    SECTION("a P-256 point off the curve is refused, as by the OpenSSL backend") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.840.10045.2.1"), oid("1.2.840.10045.3.1.7")}),
                        bits(cat({raw({0x04}), Bytes(64, 0x00)}))});
        CHECK_THROWS_WITH(parse(tbs),
                          "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
    }
    SECTION("a point off another curve keeps its curve but has no size") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.840.10045.2.1"), oid("1.3.132.0.10")}),
                        bits(cat({raw({0x04}), Bytes(64, 0x00)}))});
        const auto cert = parse(tbs);
        const auto& key = cert->public_key();
        CHECK(key.algorithm == KeyAlgorithm::ec);
        CHECK(key.curve == "secp256k1");
        CHECK(key.bits == 0);
    }
    SECTION("a curve dpslint has no name for is shown by OID") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.2.840.10045.2.1"), oid("1.3.132.0.1")}),
                        bits(cat({raw({0x04}), Bytes(64, 0x00)}))});
        CHECK(parse(tbs)->public_key().curve == "1.3.132.0.1");
    }
    SECTION("Ed25519 keys must have no parameters") {
        Tbs tbs;
        tbs.spki = seq({seq({oid("1.3.101.112"), tlv(0x05, {})}), bits(Bytes(32, 0x01))});
        CHECK(parse(tbs)->public_key().bits == 0);
    }
    SECTION("RSASSA-PSS takes its hash from the parameters") {
        const auto pss = [](const std::optional<Bytes>& params) {
            Tbs tbs;
            tbs.signature = tbs.outer_signature = params
                                                      ? seq({oid("1.2.840.113549.1.1.10"), *params})
                                                      : seq({oid("1.2.840.113549.1.1.10")});
            return parse(tbs)->signature_algorithm();
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

TEST_CASE("botan: version numbers", "[botan]") {
    Tbs v1;
    v1.version.clear();
    CHECK(parse(v1)->version() == 1);
    Tbs v1_explicit;
    v1_explicit.version = context(0, integer(raw({0})), true);
    CHECK(parse(v1_explicit)->version() == 1);
    Tbs v2;
    v2.version = context(0, integer(raw({1})), true);
    v2.extra = cat({context(1, raw({0x00, 0x01}), false), context(2, raw({0x00, 0x02}), false)});
    CHECK(parse(v2)->version() == 2);
    Tbs v4;
    v4.version = context(0, integer(raw({3})), true);
    CHECK(parse_error(v4.der()) == "unsupported certificate version 4");
}

TEST_CASE("botan: extensions built in memory", "[botan]") {
    SECTION("subjectAltName keeps certificate order across name types") {
        const Bytes directory = seq({cn("dir")});
        const Bytes registered = oid("1.2.3.4");
        const auto e = with_extensions({extension(
            "2.5.29.17",
            seq({context(2, to_bytes("b.example"), false),
                 context(7, raw({0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}),
                         false),
                 context(2, to_bytes("a.example"), false),
                 context(1, to_bytes("x@y.example"), false),
                 context(6, to_bytes("urn:dev:1"), false), context(7, raw({192, 0, 2, 1}), false),
                 context(4, directory, true),
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
        CHECK(names[6].directory->text() == "CN=dir");
    }
    SECTION("nameConstraints with iPAddress subnets") {
        const auto e = with_extensions({extension(
            "2.5.29.30",
            seq({context(0,
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
        CHECK(permitted[0].type == GeneralNameType::ip);
        CHECK(permitted[0].value == "10.0.0.0/8");
        CHECK(permitted[1].value == "example.com");
        CHECK(permitted[2].value == "C=US");
        REQUIRE(e.name_constraints->excluded.size() == 1);
        CHECK(e.name_constraints->excluded[0].value == "2001:db8::/32");

        CHECK(extension_error(
                  "2.5.29.30",
                  seq({context(0, seq({context(7, raw({10, 0, 0, 0, 255, 0, 255, 0}), false)}),
                               true)}))
              == "malformed nameConstraints extension");
    }
    SECTION("the other typed extensions") {
        const auto e = with_extensions({
            extension("2.5.29.19", seq({boolean(true), integer(raw({3}))}), true),
            extension("2.5.29.15", bits(raw({0xFF, 0x80}), 7), true),
            extension("2.5.29.37", seq({oid("1.3.6.1.5.5.7.3.2"), oid("1.3.6.1.5.5.7.3.1"),
                                        oid("2.5.29.37.0")})),
            extension("2.5.29.14", octets(raw({0x01, 0x02, 0xAB}))),
            extension("2.5.29.35", seq({context(0, raw({0xAA, 0xBB}), false),
                                        context(1, context(4, seq({cn("iss")}), true), true),
                                        context(2, raw({0x00, 0x80}), false)})),
            extension("2.5.29.32", seq({seq({oid("2.23.140.1.2.1")}),
                                        seq({oid("1.2.3.4"), seq({seq({oid("1.3.6.1.5.5.7.2.1"),
                                                                       ia5("http://cps")})})})})),
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
        CHECK(e.key_usage->has(ku_decipher_only));
        CHECK(e.extended_key_usage->oids
              == std::vector<std::string>{oid_eku_client_auth, oid_eku_server_auth, oid_eku_any});
        CHECK(e.extended_key_usage->allows_client_auth());
        CHECK(e.subject_key_identifier->key_id == "0102AB");
        CHECK(e.authority_key_identifier->key_id == "AABB");
        CHECK(e.authority_key_identifier->issuer_serial == "80");
        CHECK(e.certificate_policies->oids
              == std::vector<std::string>{"2.23.140.1.2.1", "1.2.3.4"});
    }
    SECTION("an empty keyUsage BIT STRING") {
        CHECK(with_extensions({extension("2.5.29.15", tlv(0x03, raw({0x05})))}).key_usage->bits
              == 0);
    }
    SECTION("keyUsage bit numbering") {
        // decipherOnly alone: bit 8, in the second octet.
        CHECK(with_extensions({extension("2.5.29.15", bits(raw({0x00, 0x80}), 7))}).key_usage->bits
              == ku_decipher_only);
        // keyCertSign (bit 5) with the unused bits set: they are ignored.
        CHECK(with_extensions({extension("2.5.29.15", bits(raw({0x07}), 2))}).key_usage->bits
              == ku_key_cert_sign);
    }
    SECTION("basicConstraints without pathLen, and CA:FALSE with one") {
        const auto empty = with_extensions({extension("2.5.29.19", seq({}))});
        CHECK_FALSE(empty.basic_constraints->ca);
        CHECK_FALSE(empty.basic_constraints->path_len);
        CHECK_FALSE(empty.basic_constraints->critical);
        const auto leaf = with_extensions({extension("2.5.29.19", seq({integer(raw({2}))}))});
        CHECK_FALSE(leaf.basic_constraints->ca);
        CHECK(leaf.basic_constraints->path_len == 2);
    }
    SECTION("huge OID arcs") {
        const Bytes uuid_oid =
            tlv(0x06, raw({0x69, 0x83, 0xF0, 0x9D, 0xA7, 0xEB, 0xCF, 0xDE, 0xE0, 0xC7,
                           0xA1, 0xA7, 0xB2, 0xC0, 0x94, 0x8C, 0xC8, 0xF9, 0xD7, 0x76}));
        const auto e = with_extensions({extension("2.5.29.32", seq({seq({uuid_oid})}))});
        CHECK(e.certificate_policies->oids
              == std::vector<std::string>{"2.25.329800735698586629295641978511506172918"});
    }
}

TEST_CASE("botan: malformed and duplicate extensions are problems of a certificate that parses",
          "[botan]") {
    CHECK(extension_error("2.5.29.19", raw({0x30, 0x03, 0x01, 0x01}))
          == "malformed basicConstraints extension");
    CHECK(extension_error("2.5.29.19", seq({boolean(true), integer(raw({0xFF}))}))
          == "malformed basicConstraints extension");
    CHECK(extension_error("2.5.29.19", cat({seq({boolean(true)}), raw({0x00})}))
          == "malformed basicConstraints extension");
    CHECK(extension_error("2.5.29.15", octets(raw({0x01}))) == "malformed keyUsage extension");
    CHECK(extension_error("2.5.29.37", seq({utf8("x")})) == "malformed extendedKeyUsage extension");
    CHECK(extension_error("2.5.29.14", seq({})) == "malformed subjectKeyIdentifier extension");
    CHECK(extension_error("2.5.29.35", seq({context(5, raw({1}), false)}))
          == "malformed authorityKeyIdentifier extension");
    CHECK(extension_error("2.5.29.17", seq({context(7, raw({1, 2, 3}), false)}))
          == "malformed subjectAltName extension");
    CHECK(extension_error("2.5.29.17", seq({context(9, raw({1}), false)}))
          == "malformed subjectAltName extension");
    CHECK(extension_error("2.5.29.32", seq({seq({utf8("x")})}))
          == "malformed certificatePolicies extension");
    // Policy qualifiers are checked the way OpenSSL decodes them.
    CHECK(extension_error(
              "2.5.29.32",
              seq({seq({oid("1.2.3"), seq({seq({oid("1.3.6.1.5.5.7.2.1"), utf8("x")})})})}))
          == "malformed certificatePolicies extension");
    CHECK(extension_error(
              "2.5.29.32",
              seq({seq({oid("1.2.3"),
                        seq({seq({oid("1.3.6.1.5.5.7.2.2"), seq({text(0x1E, "odd")})})})})}))
          == "malformed certificatePolicies extension");
    // otherName values must be exactly one element.
    CHECK(
        extension_error(
            "2.5.29.17",
            seq({context(0, cat({oid("1.2.3"), context(0, raw({0x0C, 0x05, 'a'}), true)}), true)}))
        == "malformed subjectAltName extension");
    // ediPartyName needs its partyName.
    CHECK(extension_error("2.5.29.17", seq({context(5, context(0, utf8("a"), true), true)}))
          == "malformed subjectAltName extension");
    // The names in authorityCertIssuer must decode even though they are not reported.
    CHECK(extension_error("2.5.29.35", seq({context(1, context(4, raw({0x31, 0x00}), true), true)}))
          == "malformed authorityKeyIdentifier extension");

    Tbs duplicate;
    duplicate.extensions(
        {extension("2.5.29.14", octets(raw({1}))), extension("2.5.29.14", octets(raw({2})))});
    CHECK(extension_problem(duplicate.der()) == "duplicate extension 2.5.29.14");

    // An unrecognised extension is never decoded, whatever it holds.
    CHECK(with_extensions({extension("1.2.3.4", raw({0xFF}), true)}).has_unrecognized_critical());
}

TEST_CASE("botan: only DER is accepted", "[botan]") {
    Tbs tbs;
    const Bytes good = tbs.der();
    // The same certificate with the subject's length in the long form.
    Tbs non_minimal;
    const Bytes name = seq({cn("synthetic")});
    non_minimal.subject = cat({raw({0x30, 0x81, name[1]}), Bytes(name.begin() + 2, name.end())});
    CHECK(parse_error(non_minimal.der()).find("non-minimal length") != std::string::npos);
    // Indefinite length.
    Tbs indefinite;
    indefinite.subject = cat({raw({0x30, 0x80}), Bytes(name.begin() + 2, name.end()), raw({0, 0})});
    CHECK(parse_error(indefinite.der()).find("indefinite length") != std::string::npos);
    // A constructed (BER) string.
    Tbs constructed;
    constructed.subject = seq({set({attribute("2.5.4.3", tlv(0x2C, utf8("x")))})});
    CHECK(parse_error(constructed.der()).find("must be primitive") != std::string::npos);
    CHECK(parse_error(good) == "no error");
}
