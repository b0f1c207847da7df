// Options that take files, given BEFORE the positional inputs, as the README's usage lines put
// them: each takes exactly one value, every input is checked, and an unrelated chain given as an
// input is never a trust anchor (CLI11 2.1 used to let `--trust root.pem a.pem b.pem` make a.pem
// an anchor and check only b.pem: a false accept).
#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_json.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::run_dpslint_json;
using dpslint::test::testdata;
namespace fs = std::filesystem;

namespace option_order_cli_test {

namespace {

// Leaf, intermediate and root of a PKI unrelated to testdata/pki (Azure iotedge certGen style).
const std::string unrelated_chain =
    testdata("certgen/iotedge/certs/iot-device-edge-sensor-01-full-chain.cert.pem").string();
const std::string unrelated_root =
    testdata("certgen/iotedge/certs/azure-iot-test-only.root.ca.cert.pem").string();
const std::string pki_root = testdata("pki/ca/root.pem").string();
const std::string pki_intermediate = testdata("pki/ca/production.pem").string();
const std::string pki_leaf = testdata("pki/leaves/valid-p256.pem").string();
const std::string demo = testdata("demo").string();

// The SHA-256 of the first certificate of a file, from dpslint itself (verify --format json).
std::string sha256_of(const std::string& file) {
    const auto r = run_dpslint(
        {"verify", "--at", "2026-11-10T00:00:00Z", "--format", "json", "--trust", file, file});
    return nlohmann::json::parse(r.out)["results"][0]["leaf"]["sha256"].get<std::string>();
}

}  // namespace

TEST_CASE("verify: --trust before the leaves takes one file; the rest are all checked",
          "[cli][options][verify]") {
    for (const std::string trust_form : {"separate", "equals"}) {
        INFO(trust_form);
        std::vector<std::string> args{"verify", "--at", "2030-06-01T00:00:00Z", "--format", "json"};
        if (trust_form == "separate") {
            args.insert(args.end(), {"--trust", pki_root});
        } else {
            args.push_back("--trust=" + pki_root);
        }
        args.insert(args.end(), {"--untrusted", pki_intermediate, unrelated_chain, pki_leaf});
        // The unrelated chain is a leaf file like any other: checked, and it has no path.
        const auto doc = run_dpslint_json(args, 1);
        CHECK(doc["summary"]["leaves"] == 2);
        CHECK(doc["summary"]["valid"] == 1);
        CHECK(doc["summary"]["invalid"] == 1);
        CHECK(doc["summary"]["trustFiles"] == 1);
        CHECK(doc["summary"]["trustAnchors"] == 1);
        CHECK(doc["summary"]["untrustedCertificates"] == 1);
        REQUIRE(doc["results"].size() == 2);
        CHECK(doc["results"][0]["file"] == unrelated_chain);
        CHECK(doc["results"][0]["valid"] == false);
        const std::string root = sha256_of(unrelated_root);
        for (const auto& result : doc["results"]) {
            for (const auto& link : result["path"])
                CHECK_FALSE((link["sha256"] == root && link["trustAnchor"] == true));
        }
    }
}

TEST_CASE("verify: the text summary says how many leaves and trust anchors were taken",
          "[cli][options][verify]") {
    const auto r = run_dpslint({"verify", "--at", "2030-06-01T00:00:00Z", "--trust", pki_root,
                                "--untrusted", pki_intermediate, unrelated_chain, pki_leaf});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("inputs: 2 leaf file(s) checked; 1 trust anchor(s) from 1 "
                                      "--trust file(s); 1 untrusted certificate(s) from 1 "
                                      "--untrusted file(s)"));
}

// The file option goes last, right before the inputs, as the README's usage lines have it: an
// option after it would have stopped CLI11 from taking more.

TEST_CASE("simulate: --presented before the devices takes one file", "[cli][options][simulate]") {
    const auto doc =
        run_dpslint_json({"simulate", "--snapshot", "snapshot", "--format", "json", "--at",
                          "2026-12-01T00:00:00Z", "--presented", "ca/my-intermediate-ca.pem",
                          "devices/device-1.pem", "devices/device-2.pem"},
                         -1, demo);
    CHECK(doc["summary"]["devices"] == 2);
    CHECK(doc["summary"]["presentedFiles"] == 1);
    CHECK(doc["summary"]["presentedCertificates"] == 1);
    CHECK(doc["summary"]["trust"]["verifiedCaRecords"] == 2);
    REQUIRE(doc["devices"].size() == 2);
    CHECK(doc["devices"][0]["file"] == "devices/device-1.pem");

    const auto text = run_dpslint(
        {"simulate", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z",
         "--presented=ca/my-intermediate-ca.pem", "devices/device-1.pem", "devices/device-2.pem"},
        demo);
    CHECK_THAT(text.out, Catch::Contains("inputs: 2 device file(s) checked; 1 certificate(s) "
                                         "from 1 --presented file(s) added to every chain; "
                                         "trust: 2 verified CA record(s) in the snapshot"));
}

TEST_CASE("lint: --presented and --disable before the devices take one value each",
          "[cli][options][lint]") {
    const std::vector<std::string> lint{"lint",     "--snapshot", "snapshot",
                                        "--format", "json",       "--fail-on",
                                        "never",    "--at",       "2026-12-01T00:00:00Z"};
    const std::vector<std::string> devices{"devices/device-1.pem", "devices/device-2.pem"};

    auto args = lint;
    args.insert(args.end(), {"--presented", "ca/my-intermediate-ca.pem"});
    args.insert(args.end(), devices.begin(), devices.end());
    const auto presented = run_dpslint_json(args, 0, demo);
    CHECK(presented["devices"] == 2);
    CHECK(presented["inputs"]["devices"] == 2);
    CHECK(presented["inputs"]["presentedCertificates"] == 1);

    // A rule pattern option takes one pattern too: the devices are not taken for patterns.
    args = lint;
    args.insert(args.end(), {"--disable", "twin.*"});
    args.insert(args.end(), devices.begin(), devices.end());
    const auto disabled = run_dpslint_json(args, 0, demo);
    CHECK(disabled["devices"] == 2);
    CHECK(
        std::find(disabled["rulesDisabled"].begin(), disabled["rulesDisabled"].end(), "twin.array")
        != disabled["rulesDisabled"].end());
}

TEST_CASE("batch: --trust before the inputs takes one file; an unrelated chain is an input",
          "[cli][options][batch]") {
    const auto doc = run_dpslint_json(
        {"batch", "--at", "2030-06-01T00:00:00Z", "--quiet", "--format", "json", "--untrusted",
         pki_intermediate, "--trust", pki_root, unrelated_chain, pki_leaf},
        1);
    CHECK(doc["summary"]["filesSeen"] == 2);
    CHECK(doc["summary"]["devices"] == 2);
    CHECK(doc["summary"]["decisions"]["invalid"] == 1);
    CHECK(doc["summary"]["decisions"]["valid"] == 1);
    CHECK(doc["trust"]["trustAnchors"] == 1);
    CHECK(doc["trust"]["untrustedCertificates"] == 1);

    const auto text = run_dpslint({"batch", "--at", "2030-06-01T00:00:00Z", "--quiet",
                                   "--trust=" + pki_root, unrelated_chain, pki_leaf});
    CHECK_THAT(text.out, Catch::Contains("inputs: 2 input file(s) from 2 INPUT argument(s) "
                                         "checked")
                             && Catch::Contains("1 trust anchor(s) from 1 --trust file(s)"));
}

TEST_CASE("batch: --presented before the inputs takes one file", "[cli][options][batch]") {
    const auto doc = run_dpslint_json(
        {"batch", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z", "--quiet", "--format",
         "json", "--fail-on", "never", "--presented", "ca/my-intermediate-ca.pem",
         "devices/device-1.pem", "devices/device-2.pem"},
        0, demo);
    CHECK(doc["summary"]["filesSeen"] == 2);
}

TEST_CASE("batch-merge: --enable before the reports takes one pattern", "[cli][options][batch]") {
    const fs::path scratch =
        fs::temp_directory_path() / ("dpslint-option-order-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    for (const std::string shard : {"1", "2"}) {
        const auto r =
            run_dpslint({"batch", "--trust", pki_root, "--untrusted", pki_intermediate, "--at",
                         "2030-06-01T00:00:00Z", "--quiet", "--shard", shard + "/2", "--report",
                         (scratch / ("s" + shard + ".jsonl")).string(), pki_leaf, unrelated_chain});
        REQUIRE(r.exit_code != 2);
    }
    const auto r = run_dpslint({"batch-merge", "--format", "json", "--enable", "batch.*",
                                (scratch / "s1.jsonl").string(), (scratch / "s2.jsonl").string()});
    fs::remove_all(scratch);
    INFO(r.err);
    REQUIRE(r.exit_code != 2);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["reports"].size() == 2);
    CHECK(doc["summary"]["filesSeen"] == 2);
}

}  // namespace option_order_cli_test
