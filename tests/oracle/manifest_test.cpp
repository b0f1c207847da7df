// Every case of testdata/pki/manifest.json through both dpslint backends and both independent
// oracles. A disagreement fails unless the manifest explains it.
#include "manifest.hpp"

#include <set>

#include <catch2/catch.hpp>

#include "dpslint/certificate_file.hpp"
#include "dpslint/verifier.hpp"

#include "oracles.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {

struct Outcome {
    bool valid = false;
    std::vector<std::string> ids;  // sorted, distinct
    std::size_t private_key_blocks = 0;
    std::string explanation;
};

Outcome run_dpslint(const ManifestCase& c, const CryptoBackend& backend, TimePoint at) {
    CertificatePool pool;
    for (const auto& t : c.trust) {
        for (auto& cert : read_certificate_file(testdata("pki/" + t), backend).certificates) {
            pool.add_trust_anchor(cert);
        }
    }
    for (const auto& u : c.untrusted) {
        for (auto& cert : read_certificate_file(testdata("pki/" + u), backend).certificates) {
            pool.add_untrusted(cert);
        }
    }
    const CertificateFile leaf_file = read_certificate_file(testdata("pki/" + c.leaf), backend);
    ValidationPolicy policy;
    policy.at = at;
    policy.purpose = parse_purpose(c.purpose).value();
    const Verifier verifier(backend, pool, policy);
    const std::vector<CertificatePtr> presented(leaf_file.certificates.begin() + 1,
                                                leaf_file.certificates.end());
    const LeafVerification v = verifier.verify(leaf_file.certificates.front(), presented);

    Outcome out;
    out.valid = v.valid();
    out.private_key_blocks = leaf_file.private_keys.size();
    std::set<std::string> ids;
    for (const auto& f : v.findings) {
        ids.insert(f.id);
        out.explanation += f.id + ": " + f.message + "\n";
    }
    out.ids.assign(ids.begin(), ids.end());
    return out;
}

}  // namespace

TEST_CASE("manifest cases give the expected verdict and ids on both backends", "[manifest]") {
    const Manifest manifest = load_manifest();
    REQUIRE(manifest.cases.size() >= 30);
    for (const auto kind : {BackendKind::openssl, BackendKind::botan}) {
        const auto backend = make_backend(kind);
        for (const auto& c : manifest.cases) {
            DYNAMIC_SECTION(to_string(kind) << " / " << c.name) {
                const Outcome out = run_dpslint(c, *backend, manifest.at);
                INFO(out.explanation);
                CHECK(out.valid == c.expect_valid);
                CHECK(out.ids == c.expect_findings);
                CHECK(out.private_key_blocks == c.private_key_blocks);
            }
        }
    }
}

TEST_CASE("independent oracles agree with the manifest or are explained", "[manifest][oracle]") {
    const Manifest manifest = load_manifest();
    for (const auto& c : manifest.cases) {
        DYNAMIC_SECTION("openssl X509_verify_cert / " << c.name) {
            const OracleResult r = openssl_oracle(c, manifest.at);
            INFO(r.detail);
            CHECK(r.valid == c.oracle_verdict("openssl"));
        }
        DYNAMIC_SECTION("botan x509_path_validate / " << c.name) {
            const OracleResult r = botan_oracle(c, manifest.at);
            INFO(r.detail);
            CHECK(r.valid == c.oracle_verdict("botan"));
        }
    }
}
