// The work spent on one device is bounded however many same-name CAs it meets: candidates while
// building paths, signature checks while validating them (Verifier) and while choosing issuers
// (the DPS chain walk). A bound that stops the search before a valid path is found is reported as
// chain.work-limit-exceeded.
#include <algorithm>

#include <catch2/catch.hpp>

#include "dpslint/attestation.hpp"
#include "dpslint/chain_builder.hpp"
#include "dpslint/chain_checks.hpp"
#include "dpslint/verifier.hpp"

#include "support/hostile_pki.hpp"
#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace chain_limits_test {

namespace {

const TimePoint at = make_time(2030, 6, 1);

struct Parsed {
    CertificatePtr root;
    CertificatePtr genuine;
    std::vector<CertificatePtr> decoys;
    std::vector<CertificatePtr> leaves;
};

Parsed parse(const SameNameCas& pki) {
    Parsed out;
    out.root = backend().parse_certificate(pki.root);
    out.genuine = backend().parse_certificate(pki.genuine);
    for (const auto& d : pki.decoys)
        out.decoys.push_back(backend().parse_certificate(d));
    for (const auto& l : pki.leaves)
        out.leaves.push_back(backend().parse_certificate(l));
    return out;
}

bool has(const std::vector<Finding>& findings, std::string_view id) {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.id == id; });
}

ValidationPolicy policy() {
    ValidationPolicy p;
    p.at = at;
    p.purpose = Purpose::any;
    return p;
}

}  // namespace

TEST_CASE("chain limits: the builder stops after max_candidates", "[chain][hostile]") {
    const Parsed pki = parse(same_name_cas(1, 60));
    CertificatePool pool;
    pool.add_trust_anchor(pki.root);
    CertificatePool presented;
    for (const auto& d : pki.decoys)
        presented.add_untrusted(d);  // no genuine CA: no path exists

    ChainBuildOptions limited;
    limited.max_candidates = 100;
    const auto built = ChainBuilder(pool, limited).build(pki.leaves[0], &presented);
    CHECK(built.paths.empty());
    CHECK(built.candidate_limit_hit);

    const auto v = Verifier(backend(), pool, policy(), limited).verify(pki.leaves[0], &presented);
    CHECK_FALSE(v.valid());
    CHECK(has(v.findings, chain_check::no_path));
    CHECK(has(v.findings, chain_check::work_limit_exceeded));
    const auto& f = *std::find_if(v.findings.begin(), v.findings.end(), [](const Finding& x) {
        return x.id == chain_check::work_limit_exceeded;
    });
    CHECK(f.severity == Severity::error);
    CHECK(f.citation == "RFC 4158 §8.1");
    CHECK(f.location.path_position == 0);
    CHECK_THAT(f.message, Catch::Contains("100 candidate issuer certificates"));
}

TEST_CASE("chain limits: the CA a trust anchor issued is tried before same-name decoys",
          "[chain][hostile]") {
    // The decoys name only each other; the genuine CA names the trust anchor as its issuer.
    const Parsed pki = parse(same_name_cas(1, 200));
    CertificatePool pool;
    pool.add_trust_anchor(pki.root);
    CertificatePool presented;
    for (const auto& d : pki.decoys)
        presented.add_untrusted(d);
    presented.add_untrusted(pki.genuine);
    const auto v = Verifier(backend(), pool, policy()).verify(pki.leaves[0], &presented);
    CHECK(v.valid());
    CHECK(v.findings.empty());
}

TEST_CASE("chain limits: validation stops after max_signature_checks", "[chain][hostile]") {
    // Every decoy names the root as its issuer, so each is a candidate path leaf -> decoy -> root
    // whose signatures must be checked.
    const Parsed pki = parse(same_name_cas(1, 20, true));
    CertificatePool pool;
    pool.add_trust_anchor(pki.root);
    CertificatePool presented;
    for (const auto& d : pki.decoys)
        presented.add_untrusted(d);

    ChainBuildOptions limited;
    limited.max_signature_checks = 7;  // three paths of two links, not a fourth
    const auto v = Verifier(backend(), pool, policy(), limited).verify(pki.leaves[0], &presented);
    CHECK_FALSE(v.valid());
    CHECK(v.rejected.size() == 2);  // the chosen one and two others validated
    CHECK(has(v.findings, chain_check::work_limit_exceeded));
    CHECK(has(v.findings, chain_check::bad_signature));

    // Within the default limit the same leaf is judged without the finding.
    const auto full = Verifier(backend(), pool, policy()).verify(pki.leaves[0], &presented);
    CHECK_FALSE(full.valid());
    CHECK_FALSE(has(full.findings, chain_check::work_limit_exceeded));
}

TEST_CASE("chain limits: a valid path found within the limits has no finding", "[chain]") {
    const Parsed pki = parse(same_name_cas(1, 20, true));
    CertificatePool pool;
    pool.add_trust_anchor(pki.root);
    pool.add_untrusted(pki.genuine);
    const auto v = Verifier(backend(), pool, policy()).verify(pki.leaves[0]);
    CHECK(v.valid());
}

TEST_CASE("chain limits: the DPS chain walk stops choosing after max_signature_checks",
          "[chain][attestation][hostile]") {
    const Parsed pki = parse(same_name_cas(1, 30));
    Snapshot snapshot = empty_snapshot();
    Device device{"device.pem", pki.leaves[0], pki.decoys};
    device.presented.push_back(pki.genuine);  // last: every decoy is tried before it

    AttestationOptions options;
    options.at = at;
    options.max_signature_checks = 10;
    const AttestationSimulator limited(snapshot, backend(), options);
    bool hit = false;
    const auto chain = limited.walk_chain(device, &hit);
    CHECK(hit);
    REQUIRE(chain.size() >= 2);
    CHECK(chain[1].certificate->sha256() != pki.genuine->sha256());
    const auto decided = limited.decide(device);
    CHECK(has(decided.findings, chain_check::work_limit_exceeded));

    options.max_signature_checks = 100;
    const AttestationSimulator enough(snapshot, backend(), options);
    hit = true;
    const auto walked = enough.walk_chain(device, &hit);
    CHECK_FALSE(hit);
    REQUIRE(walked.size() >= 2);
    CHECK(walked[1].certificate->sha256() == pki.genuine->sha256());
}

}  // namespace chain_limits_test
