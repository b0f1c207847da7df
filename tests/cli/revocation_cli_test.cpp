// --crl on simulate, lint, batch and batch-merge, through the real binary, on the revocation part
// of the demo (testdata/demo/revocation, scripts/gen-revocation-fixtures.sh): DPS never checks
// revocation, so a revoked device still provisions; dpslint says so.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::ScratchDir;
using dpslint::test::testdata;

namespace revocation_cli_test {

namespace {

const std::string demo = testdata("demo").string();
const std::string at = "2026-12-01T00:00:00Z";
const std::vector<std::string> crls{"--crl", "revocation/crl/field-intermediate-ca.crl.pem",
                                    "--crl", "revocation/crl/field-root-ca.crl.pem"};
const std::vector<std::string> devices{"revocation/devices/field-0001.pem",
                                       "revocation/devices/field-0002.pem"};

std::vector<std::string> command(std::vector<std::string> head,
                                 const std::vector<std::string>& extra = {}) {
    head.insert(head.end(), {"--snapshot", "revocation/snapshot", "--at", at});
    head.insert(head.end(), extra.begin(), extra.end());
    return head;
}

nlohmann::json run_json(const std::vector<std::string>& args, int expected_exit) {
    const auto r = run_dpslint(args, demo);
    INFO(r.err);
    REQUIRE(r.exit_code == expected_exit);
    return nlohmann::json::parse(r.out);
}

const nlohmann::json* device(const nlohmann::json& doc, const std::string& file) {
    for (const auto& d : doc["devices"]) {
        if (d["file"] == file)
            return &d;
    }
    return nullptr;
}

std::vector<std::string> rule_ids(const nlohmann::json& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f["rule"].get<std::string>());
    return out;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE(
    "simulate --crl: the revoked device still provisions, with an error saying how to stop it",
    "[cli][revocation]") {
    auto args = command({"simulate", "--format", "json"}, crls);
    args.insert(args.end(), devices.begin(), devices.end());
    const auto doc = run_json(args, 1);
    CHECK(doc["summary"]["provisioned"] == 2);
    CHECK(doc["summary"]["revoked"] == 1);
    CHECK(doc["summary"]["revokedButProvisioned"] == 1);
    CHECK(doc["summary"]["crlFiles"] == 2);
    CHECK(doc["summary"]["crls"] == 2);

    const auto& revoked = *device(doc, devices[1]);
    CHECK(revoked["decision"] == "provisioned");
    CHECK(revoked["revocation"]["state"] == "revoked");
    CHECK(revoked["revocation"]["certificates"][0]["status"] == "revoked");
    CHECK(revoked["revocation"]["certificates"][0]["reason"] == "keyCompromise");
    CHECK(revoked["revocation"]["certificates"][0]["revocationDate"] == "2026-11-15T00:00:00Z");
    CHECK(revoked["revocation"]["certificates"][1]["status"] == "good");
    REQUIRE(rule_ids(revoked["findings"])
            == std::vector<std::string>{"device.revoked-but-provisions"});
    const auto& f = revoked["findings"][0];
    CHECK(f["severity"] == "error");
    CHECK(f["citation"]
          == "https://learn.microsoft.com/azure/iot-dps/how-to-revoke-device-access-portal");
    CHECK_THAT(f["message"].get<std::string>(),
               Catch::Contains("disabled individual enrollment with registration ID 'field-0002'"));

    const auto& good = *device(doc, devices[0]);
    CHECK(good["revocation"]["state"] == "good");
    CHECK(good["findings"].empty());

    // The text form shows the same, and only the good device passes.
    auto text_args = command({"simulate"}, crls);
    text_args.push_back(devices[1]);
    const auto text = run_dpslint(text_args, demo);
    CHECK(text.exit_code == 1);
    CHECK_THAT(text.out, Catch::Contains("PROVISIONED"));
    CHECK_THAT(text.out, Catch::Contains("revocation: device certificate revoked"));
    CHECK_THAT(text.out, Catch::Contains("1 revoked, 1 of them provisioned by DPS anyway"));
    auto good_args = command({"simulate"}, crls);
    good_args.push_back(devices[0]);
    CHECK(run_dpslint(good_args, demo).exit_code == 0);
}

TEST_CASE("simulate without --crl is unchanged: no revocation fields", "[cli][revocation]") {
    auto args = command({"simulate", "--format", "json"});
    args.insert(args.end(), devices.begin(), devices.end());
    const auto doc = run_json(args, 0);
    CHECK_FALSE(doc["summary"].contains("revoked"));
    CHECK_FALSE((*device(doc, devices[1])).contains("revocation"));
}

TEST_CASE("lint --crl: device.revoked-but-provisions for the device, ca.revoked for a revoked CA",
          "[cli][revocation]") {
    auto args = command({"lint", "--format", "json"}, crls);
    args.insert(args.end(), devices.begin(), devices.end());
    const auto doc = run_json(args, 1);
    CHECK(rule_ids(doc["findings"]) == std::vector<std::string>{"device.revoked-but-provisions"});
    CHECK(doc["findings"][0]["location"]["file"] == devices[1]);

    const auto ca = run_json(
        command({"lint", "--format", "json"},
                {"--crl", testdata("rules/revocation/root-revokes-intermediate.crl.pem").string()}),
        1);
    REQUIRE(rule_ids(ca["findings"]) == std::vector<std::string>{"ca.revoked"});
    CHECK(ca["findings"][0]["location"]["jsonPointer"] == "/value/1");
    CHECK_THAT(ca["findings"][0]["message"].get<std::string>(),
               Catch::Contains("enabled group 'field-devices' uses it"));

    // Without --crl both rules say they did not apply rather than passing.
    const auto plain = run_json(command({"lint", "--format", "json"}, devices), 0);
    const auto& na = plain["rulesNotApplicable"];
    CHECK(std::find(na.begin(), na.end(), "ca.revoked") != na.end());
    CHECK(std::find(na.begin(), na.end(), "device.revoked-but-provisions") != na.end());
}

TEST_CASE(
    "batch --crl: revoked devices are counted in the summary and marked in the report; "
    "batch-merge adds the shards' counts up",
    "[cli][revocation]") {
    ScratchDir scratch("revocation");
    const auto run = [&](std::vector<std::string> extra, const std::string& report,
                         int expected_exit = 1) {
        auto args = command({"batch", "--format", "json", "--quiet", "--report", report}, crls);
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), devices.begin(), devices.end());
        return run_json(args, expected_exit);
    };
    const auto whole = run({}, (scratch / "whole.jsonl").string());
    CHECK(whole["summary"]["revocationChecked"] == 2);
    CHECK(whole["summary"]["revoked"] == 1);
    CHECK(whole["summary"]["findingsByRule"]["device.revoked-but-provisions"]["count"] == 1);
    CHECK(whole["revocation"] == nlohmann::json{{"crlFiles", 2}, {"crls", 2}});

    std::istringstream lines(slurp(scratch / "whole.jsonl"));
    std::vector<nlohmann::json> records;
    for (std::string line; std::getline(lines, line);)
        records.push_back(nlohmann::json::parse(line));
    REQUIRE(records.size() == 2);
    CHECK(records[0]["revocation"] == "good");
    CHECK(records[1]["revocation"] == "revoked");
    CHECK(records[1]["decision"] == "provisioned");

    run({"--shard", "1/2"}, (scratch / "s1.jsonl").string(), 0);  // field-0001 only
    run({"--shard", "2/2"}, (scratch / "s2.jsonl").string());
    const auto merged = run_json({"batch-merge", "--format", "json",
                                  (scratch / "s1.jsonl").string(), (scratch / "s2.jsonl").string()},
                                 1);
    CHECK(merged["summary"]["revocationChecked"] == 2);
    CHECK(merged["summary"]["revoked"] == 1);
    CHECK(merged["summary"] == whole["summary"]);

    const auto text = run_dpslint(
        {"batch-merge", (scratch / "s1.jsonl").string(), (scratch / "s2.jsonl").string()}, demo);
    CHECK_THAT(text.out, Catch::Contains("revocation: 1 of 2 device(s) revoked"));
}

TEST_CASE("batch --trust --crl: path validation fails the revoked device with chain.revoked",
          "[cli][revocation]") {
    std::vector<std::string> args{"batch", "--trust", "revocation/ca/field-root-ca.pem",
                                  "--at",  at,        "--format",
                                  "json",  "--quiet"};
    args.insert(args.end(), crls.begin(), crls.end());
    args.insert(args.end(), devices.begin(), devices.end());
    const auto doc = run_json(args, 1);
    CHECK(doc["summary"]["decisions"] == nlohmann::json{{"invalid", 1}, {"valid", 1}});
    CHECK(doc["summary"]["revoked"] == 1);
    CHECK(doc["summary"]["findingsByRule"]["chain.revoked"]["count"] == 1);
}

TEST_CASE("a malformed --crl file is bad input: one line naming the file and place, exit 2",
          "[cli][revocation]") {
    const std::string bad = testdata("crl/truncated.crl").string();
    const std::string not_crl = testdata("crl/not-a-crl.pem").string();
    for (const auto& head :
         std::vector<std::vector<std::string>>{{"simulate"}, {"lint"}, {"batch", "--quiet"}}) {
        for (const auto& file : {bad, not_crl}) {
            auto args = command(head, {"--crl", file});
            args.insert(args.end(), devices.begin(), devices.end());
            const auto r = run_dpslint(args, demo);
            INFO(head[0] << " " << file << ": " << r.err);
            CHECK(r.exit_code == 2);
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
            CHECK_THAT(r.err, Catch::Contains(file));
            CHECK(r.out.empty());
        }
    }
    auto args = command({"simulate"}, {"--crl", not_crl});
    args.push_back(devices[0]);
    CHECK_THAT(run_dpslint(args, demo).err, Catch::Contains("block 1 (line 1)"));
}

TEST_CASE("bytes of a --crl file's name reach the output escaped", "[cli][revocation]") {
    ScratchDir scratch("revocation-name");
    const auto file =
        scratch.write("crl\x1b[31m\x07.pem",
                      slurp(testdata("demo/revocation/crl/field-intermediate-ca.crl.pem")));
    auto args = command({"simulate", "--crl", file.string()});
    args.push_back(devices[1]);
    const auto text = run_dpslint(args, demo);
    CHECK(text.exit_code == 1);
    CHECK_THAT(text.out, Catch::Contains("device.revoked-but-provisions"));
    CHECK(text.out.find('\x1b') == std::string::npos);
    CHECK(text.out.find('\x07') == std::string::npos);
    args.insert(args.begin() + 1, {"--format", "json"});
    const auto json = run_dpslint(args, demo);
    CHECK(json.out.find('\x1b') == std::string::npos);
    CHECK_NOTHROW(nlohmann::json::parse(json.out));
}

TEST_CASE("lint and batch apply the x509.* rules to device certificates", "[cli][revocation]") {
    const std::string leaf = testdata("limbo/profile/leaf-serial-zero.pem").string();
    const auto doc =
        run_json(command({"lint", "--format", "json", "--fail-on", "never"}, {leaf}), 0);
    const auto ids = rule_ids(doc["findings"]);
    CHECK(std::find(ids.begin(), ids.end(), "x509.serial-not-positive") != ids.end());

    const auto batch = run_json(
        command({"batch", "--format", "json", "--quiet", "--fail-on", "never"}, {leaf}), 0);
    CHECK(batch["summary"]["findingsByRule"]["x509.serial-not-positive"]["count"] == 1);
}

}  // namespace revocation_cli_test
