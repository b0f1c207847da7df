// What only the Botan backend does, beyond the contract every backend meets
// (backend_contract_test.cpp): its own signature-failure texts and the keys Botan 2 cannot use.

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/certificate.hpp"

#include "support/backend_under_test.hpp"
#include "support/der.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace botan_backend_test {

using namespace dpslint::test::der;

class ForeignNative final : public NativeCertificate {};

TEST_CASE("botan: signature failures name what failed", "[botan]") {
    const auto& backend = backend_under_test<BotanBackend>();
    const auto production = load(backend, "pki/ca/production.pem");
    const auto leaf = load(backend, "pki/leaves/valid-p256.pem");
    // An EC signature under an RSA key.
    const auto other_type = backend.verify_signature(*leaf, *load(backend, "pki/ca/testing.pem"));
    CHECK(other_type.status == SignatureStatus::invalid);
    CHECK(other_type.detail.find("RSA") != std::string::npos);
    // A certificate another backend parsed.
    const Certificate foreign(production->fields(), std::make_shared<ForeignNative>());
    CHECK(backend.verify_signature(*leaf, foreign).detail.find("botan") != std::string::npos);
}

TEST_CASE("botan: an issuer key Botan 2 cannot load is unsupported", "[botan]") {
    // Ed448: Botan 2 has none (the OpenSSL backend checks these signatures).
    const auto& backend = backend_under_test<BotanBackend>();
    Tbs ed448;
    ed448.spki = seq({seq({oid("1.3.101.113")}), bits(Bytes(57, 0x01))});
    const auto issuer = backend.parse_certificate(ed448.der());
    CHECK(issuer->public_key().algorithm == KeyAlgorithm::ed448);
    CHECK(issuer->public_key().bits == 456);
    Tbs subject;
    subject.signature = subject.outer_signature = seq({oid("1.3.101.113")});
    const auto check = backend.verify_signature(*backend.parse_certificate(subject.der()), *issuer);
    CHECK(check.status == SignatureStatus::unsupported);
    CHECK(check.detail.find("Ed448") != std::string::npos);
}

TEST_CASE("botan: how Botan words what it refuses", "[botan]") {
    const auto& backend = backend_under_test<BotanBackend>();
    Tbs wrong_time_type;
    wrong_time_type.validity = seq({printable("240101000000Z"), text(0x17, "400101000000Z")});
    CHECK(parse_error(backend, wrong_time_type.der()) == "malformed notBefore time");
    Tbs not_utf8;
    not_utf8.issuer = seq({set({attribute("2.5.4.3", tlv(0x0C, raw({'b', 0xFF})))})});
    CHECK(parse_error(backend, not_utf8.der()).rfind("malformed issuer name", 0) == 0);
}

}  // namespace botan_backend_test
