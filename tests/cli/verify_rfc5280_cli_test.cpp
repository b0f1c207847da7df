// `dpslint verify` RFC 5280 inputs: certificate policies, CRLs, purposes. NIST PKITS data (run
// at its publication date with SHA-1 and RSA-1024 allowed), through the real binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::ProcessResult;
using dpslint::test::run_dpslint;
using dpslint::test::testdata;

namespace verify_rfc5280_cli_test {

namespace {

const std::string root = testdata("").string();

const std::string policy1 = "2.16.840.1.101.3.2.1.48.1";
const std::string policy2 = "2.16.840.1.101.3.2.1.48.2";

std::string cert(const std::string& name) {
    return "pkits/certs/" + name + ".crt";
}
std::string crl(const std::string& name) {
    return "pkits/crls/" + name + ".crl";
}

// verify with the PKITS anchor, `untrusted` CAs and extra arguments, leaf last.
ProcessResult pkits(const std::vector<std::string>& untrusted, std::vector<std::string> extra,
                    const std::string& leaf, const char* backend = "openssl") {
    std::vector<std::string> args{"verify",
                                  "--backend",
                                  backend,
                                  "--trust",
                                  cert("TrustAnchorRootCertificate"),
                                  "--at",
                                  "2011-04-15T00:00:00Z",
                                  "--purpose",
                                  "any",
                                  "--allow-sha1",
                                  "--min-rsa-bits",
                                  "1024"};
    for (const auto& u : untrusted) {
        args.push_back("--untrusted");
        args.push_back(cert(u));
    }
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(cert(leaf));
    return run_dpslint(args, root);
}

nlohmann::json json_of(const ProcessResult& r) {
    INFO(r.out << r.err);
    REQUIRE_FALSE(r.out.empty());
    return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("verify --policy: repeatable, one OID each, positionals stay leaves",
          "[cli][verify][policy]") {
    // The leaf comes right after a --policy value and is still read as a leaf.
    const auto r =
        pkits({"GoodCACert"}, {"--format", "json", "--policy", policy1, "--policy", policy2},
              "ValidCertificatePathTest1EE");
    CHECK(r.exit_code == 0);
    const auto doc = json_of(r);
    CHECK(doc["policyInputs"]["initialPolicySet"] == nlohmann::json({policy1, policy2}));
    REQUIRE(doc["results"].size() == 1);
    CHECK(doc["results"][0]["policies"]["authoritiesConstrained"] == nlohmann::json({policy1}));
    CHECK(doc["results"][0]["policies"]["userConstrained"] == nlohmann::json({policy1}));

    const auto text = pkits({"GoodCACert"}, {"--policy", policy1}, "ValidCertificatePathTest1EE");
    CHECK_THAT(text.out, Catch::Contains("valid policies: " + policy1));

    const auto bad =
        pkits({"GoodCACert"}, {"--policy", "not-an-oid"}, "ValidCertificatePathTest1EE");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("not a dotted OID"));
}

TEST_CASE("verify --require-explicit-policy: no acceptable policy is a failure (PKITS 4.8.1)",
          "[cli][verify][policy]") {
    // Without an explicit-policy requirement another initial policy only empties the set.
    const auto lenient =
        pkits({"GoodCACert"}, {"--policy", policy2}, "ValidCertificatePathTest1EE");
    CHECK(lenient.exit_code == 0);
    CHECK_THAT(lenient.out, Catch::Contains("valid policies: none"));

    const auto r = pkits({"GoodCACert"}, {"--require-explicit-policy", "--policy", policy2},
                         "ValidCertificatePathTest1EE");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("chain.policy-not-acceptable"));
    CHECK_THAT(r.out, Catch::Contains("RFC 5280 §6.1.5 (g)"));
}

TEST_CASE("verify --inhibit-policy-mapping and --inhibit-any-policy (PKITS 4.10.1, 4.12.3)",
          "[cli][verify][policy]") {
    const auto mapped =
        pkits({"Mapping1to2CACert"}, {"--require-explicit-policy"}, "ValidPolicyMappingTest1EE");
    CHECK(mapped.exit_code == 0);
    const auto inhibited =
        pkits({"Mapping1to2CACert"}, {"--require-explicit-policy", "--inhibit-policy-mapping"},
              "ValidPolicyMappingTest1EE");
    CHECK(inhibited.exit_code == 1);
    CHECK_THAT(inhibited.out, Catch::Contains("chain.policy-"));

    const std::vector<std::string> cas{"inhibitAnyPolicy1CACert", "inhibitAnyPolicy1subCA1Cert"};
    CHECK(pkits(cas, {"--require-explicit-policy"}, "inhibitAnyPolicyTest3EE").exit_code == 0);
    const auto no_any = pkits(cas, {"--require-explicit-policy", "--inhibit-any-policy"},
                              "inhibitAnyPolicyTest3EE");
    CHECK(no_any.exit_code == 1);
    CHECK_THAT(no_any.out, Catch::Contains("chain.policy-"));
}

TEST_CASE("verify --crl: a revoked certificate with its reason, date and CRL (PKITS 4.4.3)",
          "[cli][verify][crl]") {
    const std::vector<std::string> crls{"--crl", crl("TrustAnchorRootCRL"), "--crl",
                                        crl("GoodCACRL")};
    auto args = crls;
    args.insert(args.end(), {"--format", "json"});
    for (const char* backend : {"openssl", "botan"}) {
        const auto r = pkits({"GoodCACert"}, args, "InvalidRevokedEETest3EE", backend);
        CHECK(r.exit_code == 1);
        const auto doc = json_of(r);
        CHECK(doc["revocation"] == "best-effort");
        const auto& result = doc["results"][0];
        CHECK(result["findings"][0]["rule"] == "chain.revoked");
        CHECK(result["revocation"][0]["status"] == "revoked");
        CHECK(result["revocation"][0]["reason"] == "keyCompromise");
        CHECK(result["revocation"][0]["revocationDate"] == "2010-01-01T08:30:01Z");
        CHECK(result["revocation"][0]["crl"] == crl("GoodCACRL"));
        CHECK(result["revocation"][1]["status"] == "good");
    }
    const auto text = pkits({"GoodCACert"}, crls, "InvalidRevokedEETest3EE");
    CHECK_THAT(text.out,
               Catch::Contains("revocation: device certificate revoked, intermediate CA good"));
    CHECK_THAT(text.out,
               Catch::Contains("device certificate is revoked on 2010-01-01T08:30:01Z (reason "
                               "keyCompromise) by "
                               + crl("GoodCACRL")));

    // The same certificate without --crl: no revocation checking at all.
    CHECK(pkits({"GoodCACert"}, {}, "InvalidRevokedEETest3EE").exit_code == 0);
}

TEST_CASE("verify --revocation: require fails what no CRL covers, best-effort (default) does not",
          "[cli][verify][crl]") {
    const std::vector<std::string> only_ca_crl{"--crl", crl("GoodCACRL")};
    const auto lenient = pkits({"GoodCACert"}, only_ca_crl, "ValidCertificatePathTest1EE");
    CHECK(lenient.exit_code == 0);
    CHECK_THAT(lenient.out,
               Catch::Contains("revocation: device certificate good, intermediate CA unknown (no "
                               "CRL given is authoritative for it)"));

    auto required = only_ca_crl;
    required.insert(required.end(), {"--revocation", "require"});
    const auto r = pkits({"GoodCACert"}, required, "ValidCertificatePathTest1EE");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("chain.revocation-unknown: [1] intermediate CA"));

    // A PEM file with both CRLs covers the whole path.
    const auto both =
        pkits({"GoodCACert"}, {"--crl", "crl/good-ca-crls.pem", "--revocation", "require"},
              "ValidCertificatePathTest1EE");
    INFO(both.out << both.err);
    CHECK(both.exit_code == 0);
    CHECK_THAT(both.out,
               Catch::Contains("revocation: device certificate good, intermediate CA good"));
}

TEST_CASE("verify --crl: expired and badly signed CRLs fail the certificates they cover",
          "[cli][verify][crl]") {
    const auto old =
        pkits({"OldCRLnextUpdateCACert"},
              {"--crl", crl("TrustAnchorRootCRL"), "--crl", crl("OldCRLnextUpdateCACRL")},
              "InvalidOldCRLnextUpdateTest11EE");
    CHECK(old.exit_code == 1);
    CHECK_THAT(old.out, Catch::Contains("chain.crl-expired: [0]"));

    const auto bad =
        pkits({"BadCRLSignatureCACert"},
              {"--crl", crl("TrustAnchorRootCRL"), "--crl", crl("BadCRLSignatureCACRL")},
              "InvalidBadCRLSignatureTest4EE");
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.out, Catch::Contains("chain.crl-bad-signature: [0]"));
}

TEST_CASE("verify --crl: a file that is not CRLs is bad input naming file and place",
          "[cli][verify][crl]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"crl/truncated.crl", "crl/truncated.crl:offset 0: not a CRL: truncated DER"},
        {"crl/not-a-crl.pem",
         "crl/not-a-crl.pem:block 1 (line 1): PEM block 'CERTIFICATE' is not a CRL"},
        {"crl/text.crl", "crl/text.crl:line 1: not a CRL"},
        {"crl/missing.crl", "crl/missing.crl: cannot read: no such file"},
    };
    for (const auto& [file, message] : cases) {
        const auto r = pkits({"GoodCACert"}, {"--crl", file}, "ValidCertificatePathTest1EE");
        INFO(file << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_THAT(r.err, Catch::Contains(message));
    }
}

TEST_CASE("verify --purpose: client, server, any or an OID; intermediates' EKU constrains",
          "[cli][verify][purpose]") {
    const std::string pki = testdata("pki").string();
    const auto run = [&](const std::string& purpose) {
        return run_dpslint(
            {"verify", "--trust", "ca/root.pem", "--untrusted", "ca/production.pem", "--at",
             "2030-06-01T00:00:00Z", "--purpose", purpose, "leaves/eku-server-auth.pem"},
            pki);
    };
    CHECK(run("server").exit_code == 0);
    CHECK(run("1.3.6.1.5.5.7.3.1").exit_code == 0);
    CHECK(run("any").exit_code == 0);
    const auto client = run("client");
    CHECK(client.exit_code == 1);
    CHECK_THAT(client.out, Catch::Contains("chain.eku-no-client-auth"));
    const auto other = run("1.3.6.1.5.5.7.3.8");
    CHECK(other.exit_code == 1);
    CHECK_THAT(other.out, Catch::Contains("chain.eku-purpose"));
    const auto bad = run("sideways");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("expected client, server, any or a dotted OID"));
}

}  // namespace verify_rfc5280_cli_test
