// One test per x509-limbo difference dpslint had (testdata/limbo/README.md), through the real
// binary on both backends.
#include <chrono>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::ProcessResult;
using dpslint::test::run_dpslint;
using dpslint::test::testdata;

namespace limbo_cli_test {

namespace {

const std::string limbo = testdata("limbo").string();

// `dpslint verify` on each backend; the two must give the same exit status and findings.
std::vector<ProcessResult> verify(std::vector<std::string> trust_and_untrusted,
                                  const std::string& leaf, bool strict = false) {
    std::vector<ProcessResult> out;
    for (const char* backend : {"openssl", "botan"}) {
        std::vector<std::string> args{"verify", "--backend", backend, "--at",
                                      "2030-06-01T00:00:00Z"};
        if (strict)
            args.push_back("--strict");
        args.insert(args.end(), trust_and_untrusted.begin(), trust_and_untrusted.end());
        args.push_back(leaf);
        out.push_back(run_dpslint(args, limbo));
    }
    return out;
}

const std::vector<std::string> plain_ca{"--trust", "ca/root.pem", "--untrusted",
                                        "ca/intermediate.pem"};

void check_invalid_with(const std::vector<ProcessResult>& results, const std::string& id) {
    for (const auto& r : results) {
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.empty());
        CHECK_THAT(r.out, Catch::Contains("INVALID"));
        CHECK_THAT(r.out, Catch::Contains(id));
    }
}

// Valid without --strict; with it, invalid with exactly `id`.
void check_profile_case(const std::vector<std::string>& cas, const std::string& leaf,
                        const std::string& id) {
    for (const auto& r : verify(cas, leaf)) {
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
    }
    const auto strict = verify(cas, leaf, true);
    check_invalid_with(strict, id);
    CHECK(strict[0].out.find("x509.") == strict[0].out.rfind("x509."));  // that rule alone
}

std::vector<std::string> with_intermediate(const std::string& intermediate) {
    return {"--trust", "ca/root.pem", "--untrusted", intermediate};
}

}  // namespace

TEST_CASE(
    "limbo rfc5280::nc::permitted-self-issued: self-issued intermediates are exempt from "
    "name constraints",
    "[cli][limbo]") {
    for (const auto& r : verify({"--trust", "nc-self-issued/root.pem", "--untrusted",
                                 "nc-self-issued/intermediate.pem"},
                                "nc-self-issued/leaf.pem")) {
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
    }
}

TEST_CASE("limbo rfc5280::nc::excluded-self-issued-leaf: a self-issued leaf is not exempt",
          "[cli][limbo]") {
    check_invalid_with(verify({"--trust", "nc-self-issued/root.pem", "--untrusted",
                               "nc-self-issued/intermediate.pem"},
                              "nc-self-issued/leaf-self-issued.pem"),
                       "chain.name-constraints:");
}

TEST_CASE("limbo rfc5280::nc::not-allowed-in-ee: nameConstraints in an end-entity certificate",
          "[cli][limbo]") {
    check_invalid_with(verify(plain_ca, "nc-in-leaf/leaf-critical.pem"),
                       "chain.name-constraints-not-ca");
    check_invalid_with(verify(plain_ca, "nc-in-leaf/leaf-noncritical.pem"),
                       "chain.name-constraints-not-ca");
}

TEST_CASE("limbo pathological::nc-dos-2: 2,048 names x 4,097 constraints hit the work bound fast",
          "[cli][limbo]") {
    const auto start = std::chrono::steady_clock::now();
    const auto results = verify({"--trust", "nc-work/root.pem"}, "nc-work/leaf.pem");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    check_invalid_with(results, "chain.name-constraints-work");
    // Generous: the two runs take milliseconds; unbounded checking takes far longer.
    CHECK(elapsed < std::chrono::seconds(10));
}

TEST_CASE(
    "limbo rfc5280::nc::invalid-ipv4-address: a malformed iPAddress constraint is an "
    "invalid certificate",
    "[cli][limbo]") {
    check_invalid_with(verify({"--trust", "nc-bad-ip/root.pem"}, "nc-bad-ip/leaf.pem"),
                       "malformed nameConstraints extension");
}

TEST_CASE(
    "limbo rfc5280::duplicate-extensions: an invalid certificate (exit 1), not an "
    "unreadable file",
    "[cli][limbo]") {
    const auto results = verify(plain_ca, "malformed/leaf-duplicate-san.pem");
    check_invalid_with(results, "chain.duplicate-extension");
    CHECK_THAT(results[0].out, Catch::Contains("duplicate subjectAltName extension (2.5.29.17)"));
    std::string botan = results[1].out;
    botan.replace(botan.rfind("backend botan"), 13, "backend openssl");
    CHECK(results[0].out == botan);
}

TEST_CASE("limbo rfc5280::san::malformed and a malformed SAN iPAddress: invalid certificates",
          "[cli][limbo]") {
    check_invalid_with(verify(plain_ca, "malformed/leaf-malformed-san.pem"),
                       "malformed subjectAltName extension (2.5.29.17)");
    check_invalid_with(verify(plain_ca, "malformed/leaf-san-bad-ip.pem"),
                       "malformed subjectAltName extension (2.5.29.17)");
}

TEST_CASE("limbo rfc5280::eku::ee-eku-empty: an empty extendedKeyUsage is malformed",
          "[cli][limbo]") {
    check_invalid_with(verify(plain_ca, "malformed/leaf-empty-eku.pem"),
                       "empty extendedKeyUsage extension (2.5.29.37)");
}

TEST_CASE("limbo: malformed devices in a batch are devices with findings, not rejected files",
          "[cli][limbo][batch]") {
    const auto r =
        run_dpslint({"batch", "--trust", "ca/root.pem", "--untrusted", "ca/intermediate.pem",
                     "--at", "2030-06-01T00:00:00Z", "--quiet", "malformed/leaf-duplicate-san.pem",
                     "malformed/leaf-empty-eku.pem", "malformed/leaf-malformed-san.pem",
                     "malformed/leaf-san-bad-ip.pem"},
                    limbo);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("4 checked, 0 rejected"));
    CHECK_THAT(r.out, Catch::Contains("chain.duplicate-extension: 1"));
    CHECK_THAT(r.out, Catch::Contains("chain.malformed-extension: 3"));
}

TEST_CASE("limbo rfc5280::aki::leaf-missing-aki (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-missing-aki.pem", "x509.aki-missing");
}

TEST_CASE("limbo rfc5280::aki::intermediate-missing-aki (--strict)", "[cli][limbo][strict]") {
    check_profile_case(with_intermediate("profile/intermediate-no-aki.pem"),
                       "profile/intermediate-no-aki-leaf.pem", "x509.aki-missing");
}

TEST_CASE("limbo rfc5280::ski::intermediate-missing-ski (--strict)", "[cli][limbo][strict]") {
    check_profile_case(with_intermediate("profile/intermediate-no-ski.pem"),
                       "profile/intermediate-no-ski-leaf.pem", "x509.ski-missing");
}

TEST_CASE("limbo rfc5280::aki::critical-aki (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-critical-aki.pem", "x509.aki-critical");
}

TEST_CASE("limbo rfc5280::serial::zero (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-serial-zero.pem", "x509.serial-not-positive");
}

TEST_CASE("limbo rfc5280::serial::negative (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-serial-negative.pem", "x509.serial-not-positive");
}

TEST_CASE("limbo rfc5280::serial::too-long, 21 octets (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-serial-21-octets.pem", "x509.serial-too-long");
}

TEST_CASE("limbo: basicConstraints of a CA not critical (--strict)", "[cli][limbo][strict]") {
    check_profile_case(with_intermediate("profile/intermediate-bc-not-critical.pem"),
                       "profile/intermediate-bc-not-critical-leaf.pem",
                       "x509.basic-constraints-not-critical");
}

TEST_CASE("limbo rfc5280::san::noncritical-with-empty-subject (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-empty-subject-san-not-critical.pem",
                       "x509.empty-subject-san");
}

TEST_CASE("limbo rfc5280::leaf-ku-keycertsign (--strict)", "[cli][limbo][strict]") {
    check_profile_case(plain_ca, "profile/leaf-key-cert-sign.pem", "x509.key-cert-sign-not-ca");
}

TEST_CASE("limbo rfc5280::pc::ica-noncritical-pc (--strict)", "[cli][limbo][strict]") {
    check_profile_case(with_intermediate("profile/intermediate-pc-not-critical.pem"),
                       "profile/intermediate-pc-not-critical-leaf.pem",
                       "x509.policy-constraints-not-critical");
}

TEST_CASE("explain knows the --strict ids", "[cli][strict]") {
    const auto r = run_dpslint({"explain", "x509.serial-too-long"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("RFC 5280 §4.1.2.2"));
}

TEST_CASE("limbo: the plain chain passes --strict", "[cli][limbo][strict]") {
    for (const auto& r : verify(plain_ca, "ca/leaf.pem", true)) {
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
    }
}

}  // namespace limbo_cli_test
