// The real dpslint binary, run as a user would.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::testdata;

namespace verify_cli_test {

namespace {

const std::string pki = testdata("pki").string();
const std::vector<std::string> base{"verify",
                                    "--trust",
                                    "ca/root.pem",
                                    "--untrusted",
                                    "ca/production.pem",
                                    "--at",
                                    "2030-06-01T00:00:00Z"};

std::vector<std::string> with(std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::size_t line_count(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("verify: a valid leaf exits 0 and prints its path root to leaf", "[cli][verify]") {
    const auto r = run_dpslint(with({"leaves/valid-p256.pem"}), pki);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Catch::Contains("leaves/valid-p256.pem: valid"));
    CHECK_THAT(r.out,
               Catch::Contains("path: CN=dpslint Test Root CA,O=dpslint Test,C=US -> CN=dpslint "
                               "Production Intermediate CA,O=dpslint Test,C=US -> CN=valid-p256"));
}

TEST_CASE("verify: any invalid leaf makes the exit status 1", "[cli][verify]") {
    const auto r = run_dpslint(with({"leaves/valid-p256.pem", "leaves/expired.pem"}), pki);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("leaves/expired.pem: INVALID"));
    CHECK_THAT(r.out, Catch::Contains("chain.expired"));
    CHECK_THAT(r.out, Catch::Contains("summary: 2 leaf file(s), 1 valid, 1 invalid"));
}

TEST_CASE("verify: JSON output is stable and the same on both backends", "[cli][verify]") {
    const auto args = with({"--format", "json", "leaves/valid-p256.pem", "leaves/bad-signature.pem",
                            "leaves/cross-signed.pem"});
    const auto first = run_dpslint(args, pki);
    const auto second = run_dpslint(args, pki);
    CHECK(first.exit_code == 1);
    CHECK(first.out == second.out);

    auto botan_args = args;
    botan_args.insert(botan_args.begin() + 1, {"--backend", "botan"});
    const auto botan = run_dpslint(botan_args, pki);
    auto a = nlohmann::json::parse(first.out);
    auto b = nlohmann::json::parse(botan.out);
    CHECK(a["backend"] == "openssl");
    CHECK(b["backend"] == "botan");
    a.erase("backend");
    b.erase("backend");
    CHECK(a == b);

    const auto& results = a["results"];
    REQUIRE(results.size() == 3);
    CHECK(results[0]["valid"] == true);
    CHECK(results[0]["path"].size() == 3);
    CHECK(results[0]["path"][0]["trustAnchor"] == true);
    CHECK(results[1]["findings"][0]["rule"] == "chain.bad-signature");
    CHECK(results[1]["findings"][0]["citation"] == "RFC 5280 §6.1.3 (a)(1)");
    CHECK(results[1]["findings"][0]["location"]["pathPosition"] == 0);
    CHECK(a["summary"]
          == nlohmann::json{{"leaves", 3},
                            {"valid", 1},
                            {"invalid", 2},
                            {"unreadable", 0},
                            {"trustFiles", 1},
                            {"trustAnchors", 1},
                            {"untrustedFiles", 1},
                            {"untrustedCertificates", 1}});
}

TEST_CASE("verify: rejected candidates are explained", "[cli][verify]") {
    const auto r =
        run_dpslint({"verify", "--trust", "ca/root.pem", "--trust", "ca/old-root.pem",
                     "--untrusted", "ca/cross-intermediate-by-old-root.pem", "--at",
                     "2030-06-01T00:00:00Z", "--format", "json", "leaves/cross-signed.pem"},
                    pki);
    CHECK(r.exit_code == 1);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["results"][0]["findings"][0]["rule"] == "chain.expired");
    CHECK(doc["results"][0]["findings"][0]["location"]["pathPosition"] == 1);
}

TEST_CASE("verify: a private key in a leaf file is reported, never echoed", "[cli][verify]") {
    const auto r = run_dpslint(with({"leaves/with-private-key.pem"}), pki);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("input.private-key-present"));
    CHECK_THAT(r.out, !Catch::Contains("MII"));
}

TEST_CASE("verify: bad input gives exit 2 and one line naming the file and place",
          "[cli][verify]") {
    struct Case {
        std::string file;
        std::string message;
    };
    const std::vector<Case> cases{
        {"malformed/empty.pem", "dpslint: malformed/empty.pem: file is empty\n"},
        {"malformed/truncated.pem",
         "dpslint: malformed/truncated.pem:block 1 (line 1): no END CERTIFICATE line (truncated "
         "PEM)\n"},
        {"malformed/bad-base64.pem",
         "dpslint: malformed/bad-base64.pem:block 1 (line 1): invalid base64 in PEM body\n"},
        {"malformed/csr.pem",
         "dpslint: malformed/csr.pem:block 1 (line 1): PEM block 'CERTIFICATE REQUEST' is not a "
         "certificate\n"},
        {"malformed/missing.pem", "dpslint: malformed/missing.pem: cannot read: no such file\n"},
        {"malformed", "dpslint: malformed: cannot read: is a directory\n"},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.file) {
            const auto r = run_dpslint(with({c.file}), pki);
            CHECK(r.signal == 0);
            CHECK(r.exit_code == 2);
            CHECK(r.err == c.message);
        }
    }
    for (const std::string file : {"malformed/garbage.bin", "malformed/truncated.der",
                                   "malformed/text-only.pem", "malformed/corrupt-inside.pem"}) {
        DYNAMIC_SECTION(file) {
            const auto r = run_dpslint(with({file}), pki);
            INFO(r.err);
            CHECK(r.signal == 0);
            CHECK(r.exit_code == 2);
            CHECK(line_count(r.err) == 1);
            CHECK(r.err.rfind("dpslint: " + file + ":", 0) == 0);
        }
    }
}

TEST_CASE("verify: a bad file does not hide the results of the good ones", "[cli][verify]") {
    const auto r = run_dpslint(
        with({"--format", "json", "leaves/valid-p256.pem", "malformed/empty.pem"}), pki);
    CHECK(r.exit_code == 2);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["results"].size() == 2);
    CHECK(doc["results"][0]["valid"] == true);
    CHECK(doc["results"][1]["error"] == "malformed/empty.pem: file is empty");
    CHECK(doc["summary"]["unreadable"] == 1);
}

TEST_CASE("verify: usage errors exit 2", "[cli][verify]") {
    CHECK(run_dpslint({"verify", "leaves/valid-p256.pem"}, pki).exit_code == 2);  // no --trust
    CHECK(run_dpslint(with({"--at", "tomorrow", "leaves/valid-p256.pem"}), pki).exit_code == 2);
    CHECK(run_dpslint(with({"--backend", "wolfssl", "leaves/valid-p256.pem"}), pki).exit_code == 2);
    CHECK(run_dpslint({"no-such-command"}, pki).exit_code == 2);
    CHECK(run_dpslint({}, pki).exit_code == 2);
    const auto bad_trust =
        run_dpslint({"verify", "--trust", "malformed/garbage.bin", "leaves/valid-p256.pem"}, pki);
    CHECK(bad_trust.exit_code == 2);
    CHECK(line_count(bad_trust.err) == 1);
}

TEST_CASE("help and version exit 0", "[cli]") {
    CHECK(run_dpslint({"--help"}).exit_code == 0);
    const auto help = run_dpslint({"verify", "--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("--trust"));
    CHECK(run_dpslint({"--version"}).exit_code == 0);
}

}  // namespace verify_cli_test
