// CRLs as both backends decode them (fields checked against `openssl crl -text` of the PKITS
// files), CRL files, and the pieces of RFC 5280 §6.3.3 that look at one certificate and one CRL.
#include "dpslint/crl.hpp"

#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/certificate_file.hpp"
#include "dpslint/error.hpp"

#include "revocation/crl_scope.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using dpslint::test::testdata;

namespace crl_test {

namespace {

CrlPtr pkits_crl(const CryptoBackend& backend, const std::string& name) {
    return backend.parse_crl(
        read_input_file(testdata("pkits/crls/" + name + ".crl"), max_crl_file_bytes, "CRL file"));
}

CertificatePtr pkits_cert(const CryptoBackend& backend, const std::string& name) {
    return read_certificate_file(testdata("pkits/certs/" + name + ".crt"), backend)
        .certificates.front();
}

std::vector<std::unique_ptr<CryptoBackend>> backends() {
    std::vector<std::unique_ptr<CryptoBackend>> out;
    out.push_back(make_openssl_backend());
    out.push_back(make_botan_backend());
    return out;
}

}  // namespace

TEST_CASE("CRL fields: entries, reasons, CRL number, delta indicator", "[crl]") {
    for (const auto& backend : backends()) {
        INFO(backend->name());
        const auto good = pkits_crl(*backend, "GoodCACRL");
        const auto& f = good->fields();
        CHECK(f.version == 2);
        CHECK(f.issuer.text() == "CN=Good CA,O=Test Certificates 2011,C=US");
        CHECK(f.this_update == make_time(2010, 1, 1, 8, 30));
        CHECK(f.next_update == make_time(2030, 12, 31, 8, 30));
        CHECK(f.crl_number == "01");
        CHECK_FALSE(good->is_delta());
        REQUIRE(f.entries.size() == 2);
        CHECK(f.entries[0].serial_hex == "0E");
        CHECK(f.entries[0].reason == RevocationReason::key_compromise);
        CHECK(f.authority_key_identifier->key_id == "580184241BBC2B52944A3DA510721451F5AF3AC9");

        const auto delta = pkits_crl(*backend, "deltaCRLCA1deltaCRL");
        CHECK(delta->is_delta());
        CHECK(delta->fields().delta_crl_base == "01");
        CHECK(delta->fields().crl_number == "05");
        REQUIRE(delta->fields().entries.size() == 4);
        CHECK(delta->fields().entries[1].reason == RevocationReason::remove_from_crl);
    }
}

TEST_CASE("CRL fields: issuingDistributionPoint and certificateIssuer entries", "[crl]") {
    for (const auto& backend : backends()) {
        INFO(backend->name());
        const auto indirect = pkits_crl(*backend, "indirectCRLCA5CRL");
        const auto& idp = indirect->fields().issuing_distribution_point;
        REQUIRE(idp);
        CHECK(idp->critical);
        CHECK(idp->indirect_crl);
        REQUIRE(idp->name);
        CHECK(idp->name->full_name.size() == 3);
        const auto& entries = indirect->fields().entries;
        REQUIRE(entries.size() == 11);
        CHECK_FALSE(entries[0].certificate_issuer);
        REQUIRE(entries[1].certificate_issuer);
        CHECK(entries[1].certificate_issuer->front().value
              == "CN=indirectCRL CA6,O=Test Certificates 2011,C=US");

        const auto some = pkits_crl(*backend, "onlySomeReasonsCA1compromiseCRL");
        const auto& reasons = some->fields().issuing_distribution_point->only_some_reasons;
        CHECK(reasons == (reason_key_compromise | reason_ca_compromise));
    }
}

TEST_CASE("CRL signatures verify under the issuer's key on both backends", "[crl]") {
    for (const auto& backend : backends()) {
        INFO(backend->name());
        const auto crl = pkits_crl(*backend, "GoodCACRL");
        CHECK(backend->verify_crl_signature(*crl, *pkits_cert(*backend, "GoodCACert")).ok());
        CHECK(
            backend->verify_crl_signature(*crl, *pkits_cert(*backend, "TrustAnchorRootCertificate"))
                .status
            == SignatureStatus::invalid);
        const auto bad = pkits_crl(*backend, "BadCRLSignatureCACRL");
        CHECK(backend->verify_crl_signature(*bad, *pkits_cert(*backend, "BadCRLSignatureCACert"))
                  .status
              == SignatureStatus::invalid);
    }
}

TEST_CASE("CRL files: several PEM CRLs, DER, and bad input naming file and place", "[crl]") {
    const auto backend = make_openssl_backend();
    CrlSet set;
    load_crl_file(testdata("crl/good-ca-crls.pem"), *backend, set);
    load_crl_file(testdata("pkits/crls/GoodCACRL.crl"), *backend, set);
    REQUIRE(set.all().size() == 3);
    CHECK(set.all()[1].label.ends_with("good-ca-crls.pem, CRL 2 (line 16)"));
    CHECK(set.all()[0].crl->fields().sha256 != set.all()[1].crl->fields().sha256);
    CHECK(set.all()[1].crl->fields().sha256 == set.all()[2].crl->fields().sha256);

    try {
        load_crl_file(testdata("crl/truncated.crl"), *backend, set);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.place() == "offset 0");
        CHECK_THAT(e.detail(), Catch::StartsWith("not a CRL: truncated DER"));
    }
    CHECK_THROWS_AS(load_crl_file(testdata("crl/not-a-crl.pem"), *backend, set), InputError);
    CHECK_THROWS_AS(load_crl_file(testdata("crl/text.crl"), *backend, set), InputError);
    CHECK_THROWS_AS(backend->parse_crl(read_input_file(testdata("pkits/certs/GoodCACert.crt"),
                                                       max_crl_file_bytes, "CRL file")),
                    ParseError);
}

TEST_CASE("CRL scope: distribution points, user/CA-only CRLs and indirect entries", "[crl]") {
    const auto backend = make_openssl_backend();
    // A certificate without cRLDistributionPoints is covered by its issuer's full CRL only.
    const auto ee = pkits_cert(*backend, "ValidCertificatePathTest1EE");
    const auto points = detail::distribution_points(*ee);
    REQUIRE(points.size() == 1);
    CHECK(detail::crl_scope(*pkits_crl(*backend, "GoodCACRL"), *ee, points[0]) == all_reasons);
    CHECK_FALSE(detail::crl_scope(*pkits_crl(*backend, "TrustAnchorRootCRL"), *ee, points[0]));

    // onlyContainsCACerts does not speak for an end entity.
    const auto user = pkits_cert(*backend, "InvalidonlyContainsCACertsTest12EE");
    const auto ca_only = pkits_crl(*backend, "onlyContainsCACertsCACRL");
    CHECK_FALSE(detail::crl_scope(*ca_only, *user, detail::distribution_points(*user)[0]));

    // Entry 2 of indirectCRL CA5's CRL is serial 2 of indirectCRL CA6, not of CA5.
    const auto indirect = pkits_crl(*backend, "indirectCRLCA5CRL");
    CHECK(detail::find_entry(*indirect, *pkits_cert(*backend, "indirectCRLCA6Cert")) == nullptr);
}

TEST_CASE("CRL numbers compare as integers", "[crl]") {
    CHECK(compare_hex_magnitudes("01", "05") < 0);
    CHECK(compare_hex_magnitudes("0100", "FF") > 0);
    CHECK(compare_hex_magnitudes("0A", "0A") == 0);
}

}  // namespace crl_test
