// Both backends reach the same verdict on malformed input: a certificate one of them accepts the
// other may not refuse, and a key one of them sizes the other may not call unusable. Each case
// runs through both backends (the differential fuzz target checks the same on random input).
#include <string>

#include <catch2/catch.hpp>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include "dpslint/backend.hpp"

#include "support/certificate_builder.hpp"
#include "support/extension_problem.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {

const std::unique_ptr<CryptoBackend>& openssl() {
    static const auto b = make_openssl_backend();
    return b;
}
const std::unique_ptr<CryptoBackend>& botan() {
    static const auto b = make_botan_backend();
    return b;
}

// Each backend's verdict: its ParseError, the certificate's first extension problem (a malformed
// extension value is a finding, not an unreadable certificate), or "accepted".
std::pair<std::string, std::string> verdicts(const Bytes& der) {
    const auto run = [&](const CryptoBackend& backend) -> std::string {
        std::string problem = test::extension_problem(backend, der);
        if (problem.rfind("ParseError: ", 0) == 0)
            return problem.substr(12);
        return problem == "no problem" ? "accepted" : problem;
    };
    return {run(*openssl()), run(*botan())};
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

}  // namespace

TEST_CASE("agreement: an EC point that is not on its curve is refused by both",
          "[backend][parity]") {
    const KeyPtr key = new_p256();
    Bytes point = point_of(key.get());
    point.back() ^= 0x01;  // y changes: almost surely no longer on the curve
    const auto [o, b] = verdicts(with_point(point));
    CHECK(o == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
    CHECK(b == o);
}

TEST_CASE("agreement: EC point encodings both refuse", "[backend][parity]") {
    const KeyPtr key = new_p256();
    const Bytes good = point_of(key.get());
    SECTION("hybrid form (06/07), which Botan 2 would load") {
        Bytes point = good;
        point[0] = 0x06 | (good.back() & 1);
        const auto [o, b] = verdicts(with_point(point));
        CHECK_THAT(o, Catch::Contains("unsupported form"));
        CHECK(b == o);
    }
    SECTION("a coordinate not below the field prime") {
        Bytes point = good;
        // x = p: the size of a coordinate, but not a field element.
        const Bytes p = hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
        std::copy(p.begin(), p.end(), point.begin() + 1);
        const auto [o, b] = verdicts(with_point(point));
        CHECK_THAT(o, Catch::Contains("not below the field prime"));
        CHECK(b == o);
    }
}

TEST_CASE("agreement: a compressed P-256 point is accepted by both with the same size",
          "[backend][parity]") {
    const KeyPtr key = new_p256();
    REQUIRE(EVP_PKEY_set_utf8_string_param(key.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                           OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_COMPRESSED)
            == 1);
    const Bytes der = Builder().key(key.get()).sign();
    const auto o = openssl()->parse_certificate(der);
    const auto b = botan()->parse_certificate(der);
    CHECK(o->public_key().bits == 256);
    CHECK(o->public_key() == b->public_key());
}

TEST_CASE("agreement: describe_public_key refuses an off-curve point on both",
          "[backend][parity]") {
    // SubjectPublicKeyInfo { { ecPublicKey, P-256 }, BIT STRING 04 x y } with y changed.
    const KeyPtr key = new_p256();
    Bytes point = point_of(key.get());
    point.back() ^= 0x01;
    Bytes spki = hex("3059301306072A8648CE3D020106082A8648CE3D030107034200");
    spki.insert(spki.end(), point.begin(), point.end());
    CHECK_THROWS_AS(openssl()->describe_public_key(spki), ParseError);
    CHECK_THROWS_AS(botan()->describe_public_key(spki), ParseError);
}

TEST_CASE("agreement: a SEQUENCE or SET encoded as primitive is refused by both",
          "[backend][parity]") {
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
        const auto [o, b] = verdicts(bad);
        CHECK(o == "not a DER certificate: UNIVERSAL 17 must be constructed");
        CHECK(b == o);
    }
    SECTION("the SEQUENCE of an extension value") {
        Bytes bad = der;
        // extendedKeyUsage ::= SEQUENCE OF KeyPurposeId, here { clientAuth }.
        replace_all(bad, hex("300A06082B06010505070302"), hex("100A06082B06010505070302"));
        const auto [o, b] = verdicts(bad);
        CHECK(o == "malformed extendedKeyUsage extension");
        CHECK(b == o);
    }
}

TEST_CASE("agreement: IMPLICIT tags in the wrong form are refused by both", "[backend][parity]") {
    // OpenSSL accepts a primitive [0] for NameConstraints' SEQUENCE OF and BER constructed
    // strings for GeneralNames; Botan takes DER only.
    const auto ca = [](const char* oid, const char* value_hex) {
        Builder builder;
        builder.ext(NID_basic_constraints, "critical,CA:TRUE");
        builder.raw_ext(oid, true, value_hex);
        return builder.sign();
    };
    SECTION("permittedSubtrees [0] primitive") {
        // NameConstraints { [0] { GeneralSubtree { dNSName "a.example" } } }, [0] made primitive
        const auto [o, b] = verdicts(ca("2.5.29.30", "300F800D300B8209612E6578616D706C65"));
        CHECK(o == "malformed nameConstraints extension");
        CHECK(b == o);
    }
    SECTION("the same with [0] constructed is fine") {
        const auto [o, b] = verdicts(ca("2.5.29.30", "300FA00D300B8209612E6578616D706C65"));
        CHECK(o == "accepted");
        CHECK(b == o);
    }
    SECTION("a dNSName as a BER constructed string") {
        // subjectAltName { [2] constructed { IA5String "a.example" } }
        const auto [o, b] = verdicts(ca("2.5.29.17", "300DA20B1609612E6578616D706C65"));
        CHECK(o == "malformed subjectAltName extension");
        CHECK(b == o);
    }
}

TEST_CASE("agreement: a key's unused bits are cleared by both", "[backend][parity]") {
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
    const auto [o, b] = verdicts(der);
    CHECK(o == "malformed subjectPublicKeyInfo: EC public key is not a point of P-256");
    CHECK(b == o);
}

TEST_CASE("agreement: an RSA key must be a DER RSAPublicKey of positive numbers",
          "[backend][parity]") {
    // OpenSSL sized a key with a non-minimal exponent 0 bits, Botan 2048.
    const Bytes der = Builder().key(shared_rsa()).sign();
    SECTION("a non-minimal exponent") {
        Bytes bad = der;
        // ... modulus, 02 03 010001 -> 02 03 000101: same length, a leading zero octet.
        replace_all(bad, hex("0203010001"), hex("0203000101"));
        const auto [o, b] = verdicts(bad);
        CHECK(o == "malformed subjectPublicKeyInfo: RSA public key: non-minimal INTEGER");
        CHECK(b == o);
    }
    SECTION("a negative exponent") {
        Bytes bad = der;
        replace_all(bad, hex("0203010001"), hex("0203810001"));
        const auto [o, b] = verdicts(bad);
        CHECK(o == "malformed subjectPublicKeyInfo: RSA public exponent is not a positive number");
        CHECK(b == o);
    }
}

TEST_CASE("agreement: an RSA key with an even exponent is unusable on both", "[backend][parity]") {
    // Botan refuses to load it; OpenSSL loaded it and called an ECDSA signature under it invalid
    // ("wrong public key type") where Botan said unsupported.
    Bytes der = Builder().key(shared_rsa()).sign(shared_rsa());
    replace_all(der, hex("0203010001"), hex("0203010002"));
    const auto o = openssl()->parse_certificate(der);
    const auto b = botan()->parse_certificate(der);
    CHECK(o->public_key().bits == 2048);
    CHECK(o->public_key() == b->public_key());
    const auto leaf = [](const CryptoBackend& backend) {
        return backend.parse_certificate(Builder().sign());  // ECDSA-signed
    };
    for (const auto& [backend, issuer] : {std::pair{openssl().get(), o}, {botan().get(), b}}) {
        const auto check = backend->verify_signature(*leaf(*backend), *issuer);
        CHECK(check.status == SignatureStatus::unsupported);
        CHECK(check.detail == "issuer public key unusable: RSA public exponent is even");
    }
}
