// NIST PKITS through dpslint's validator on both backends: every test with its certificates,
// CRLs (revocation required, as PKITS assumes) and RFC 5280 policy inputs, at the publication
// date. The manifest names the only tests dpslint deliberately disagrees with.
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "dpslint/certificate_file.hpp"
#include "dpslint/crl.hpp"
#include "dpslint/revocation.hpp"
#include "dpslint/verifier.hpp"

#include "pkits/pkits_manifest.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace {

struct Outcome {
    bool valid = false;
    std::vector<std::string> ids;  // sorted, distinct
    std::vector<std::string> user_constrained;
    std::string explanation;
};

CertificatePtr load_cert(const std::string& name, const CryptoBackend& backend) {
    return read_certificate_file(testdata("pkits/certs/" + name + ".crt"), backend)
        .certificates.front();
}

// PKITS keys are RSA-1024 and its signatures SHA-1; certificates can serve any purpose.
ValidationPolicy pkits_policy(const PkitsTest& t, TimePoint at) {
    ValidationPolicy policy;
    policy.at = at;
    policy.purpose = Purpose::any;
    policy.algorithms.allowed_hashes.insert(HashAlgorithm::sha1);
    policy.algorithms.min_rsa_bits = 1024;
    policy.policies.initial_policy_set = t.initial_policy_set;
    policy.policies.initial_explicit_policy = t.initial_explicit_policy;
    policy.policies.initial_policy_mapping_inhibit = t.initial_policy_mapping_inhibit;
    policy.policies.initial_any_policy_inhibit = t.initial_any_policy_inhibit;
    return policy;
}

Outcome run(const PkitsTest& t, const CryptoBackend& backend, TimePoint at, bool with_crls) {
    CertificatePool pool;
    pool.add_trust_anchor(load_cert(t.certs.front(), backend));
    for (std::size_t i = 1; i + 1 < t.certs.size(); ++i)
        pool.add_untrusted(load_cert(t.certs[i], backend));
    CrlSet crls;
    if (with_crls) {
        for (const auto& name : t.crls)
            load_crl_file(testdata("pkits/crls/" + name + ".crl"), backend, crls);
    }
    const RevocationChecker checker(backend, crls, pool, RevocationMode::require);
    ValidationPolicy policy = pkits_policy(t, at);
    if (with_crls)
        policy.revocation = &checker;
    const Verifier verifier(backend, pool, policy);
    const LeafVerification v = verifier.verify(load_cert(t.certs.back(), backend));

    Outcome out;
    out.valid = v.valid();
    std::set<std::string> ids;
    for (const auto& f : v.findings) {
        ids.insert(f.id);
        out.explanation += f.id + ": " + f.message + "\n";
    }
    out.ids.assign(ids.begin(), ids.end());
    if (v.chosen)
        out.user_constrained = v.chosen->policies.user_constrained;
    return out;
}

struct Tally {
    std::size_t total = 0;
    std::size_t agree = 0;
};

// "4.2" before "4.10".
struct SectionLess {
    bool operator()(const std::string& a, const std::string& b) const {
        const auto minor = [](const std::string& s) {
            return std::stoi(s.substr(s.find('.') + 1));
        };
        return minor(a) < minor(b);
    }
};
using Sections = std::map<std::string, Tally, SectionLess>;

std::string summary(const Sections& sections, const std::string& title) {
    std::ostringstream out;
    out << title << "\n";
    Tally all;
    for (const auto& [section, tally] : sections) {
        out << "  " << section << ": " << tally.agree << "/" << tally.total << "\n";
        all.total += tally.total;
        all.agree += tally.agree;
    }
    out << "  all: " << all.agree << "/" << all.total << "\n";
    return out.str();
}

std::size_t agreeing(const Sections& sections) {
    std::size_t n = 0;
    for (const auto& [section, tally] : sections)
        n += tally.agree;
    return n;
}

}  // namespace

TEST_CASE("NIST PKITS: at least 247 of 249 tests agree on both backends, which agree", "[pkits]") {
    const PkitsManifest manifest = load_pkits_manifest();
    REQUIRE(manifest.tests.size() == 249);
    const auto openssl = make_openssl_backend();
    const auto botan = make_botan_backend();

    std::map<std::string, Sections> tallies;  // backend -> section
    for (const auto& t : manifest.tests) {
        INFO(t.label());
        const Outcome a = run(t, *openssl, manifest.at, true);
        const Outcome b = run(t, *botan, manifest.at, true);
        INFO("openssl:\n" << a.explanation << "botan:\n" << b.explanation);
        // The backends agree on every test, misses included.
        CHECK(a.valid == b.valid);
        CHECK(a.ids == b.ids);
        for (const auto& [name, outcome] : {std::pair{"openssl", &a}, std::pair{"botan", &b}}) {
            Tally& tally = tallies[name][t.section];
            ++tally.total;
            const bool agrees = outcome->valid == t.expect_valid;
            tally.agree += agrees;
            if (t.expected_miss.empty()) {
                CHECK(agrees);
            } else {
                INFO("expected miss: " << t.expected_miss);
                CHECK_FALSE(agrees);
            }
            if (agrees && t.expect_valid)
                CHECK(outcome->user_constrained == t.user_constrained_policy_set);
        }
    }
    for (const auto& [name, sections] : tallies) {
        WARN(summary(sections, std::string("PKITS with CRLs and policy inputs, ") + name));
        CHECK(agreeing(sections) >= 247);
    }
}

TEST_CASE("NIST PKITS: the 168 tests without CRL or policy inputs, run without CRLs", "[pkits]") {
    const PkitsManifest manifest = load_pkits_manifest();
    const auto openssl = make_openssl_backend();
    const auto botan = make_botan_backend();
    std::map<std::string, Sections> tallies;
    std::size_t selected = 0;
    for (const auto& t : manifest.tests) {
        if (t.needs_crls || t.policy_inputs)
            continue;
        ++selected;
        INFO(t.label());
        const Outcome a = run(t, *openssl, manifest.at, false);
        const Outcome b = run(t, *botan, manifest.at, false);
        INFO("openssl:\n" << a.explanation << "botan:\n" << b.explanation);
        CHECK(a.valid == b.valid);
        for (const auto& [name, outcome] : {std::pair{"openssl", &a}, std::pair{"botan", &b}}) {
            Tally& tally = tallies[name][t.section];
            ++tally.total;
            tally.agree += outcome->valid == t.expect_valid;
            if (t.expected_miss.empty())
                CHECK(outcome->valid == t.expect_valid);
        }
    }
    CHECK(selected == 168);
    for (const auto& [name, sections] : tallies) {
        WARN(summary(sections, std::string("PKITS without CRL or policy inputs, ") + name));
        CHECK(agreeing(sections) >= 166);
    }
}
