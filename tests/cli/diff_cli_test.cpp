// dpslint diff on the committed before/after scenario (scripts/gen-diff-fixtures.sh): the demo
// DPS with my-device-group disabled, gateway-devices moved from the intermediate to the root
// with another allocation policy and twin, and the customer-a-intermediate-ca record removed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::ScratchDir;
using dpslint::test::testdata;

namespace diff_cli_test {

namespace {

const std::string demo = testdata("demo").string();

const std::vector<std::string> demo_devices{
    "devices/customer-a-0001.pem", "devices/customer-a-0002.pem", "devices/device-001.pem",
    "devices/device-1.pem",        "devices/device-2.pem",        "devices/device-expired.pem",
    "devices/rogue-device.pem",    "devices/sensor-042.pem",      "devices/sensor-bad-cn.pem"};

std::vector<std::string> diff_args(const std::string& after, std::vector<std::string> extra) {
    std::vector<std::string> args{
        "diff",     "--before", "snapshot", "--after", after, "--at", "2026-12-01T00:00:00Z",
        "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

nlohmann::json diff_json(const std::vector<std::string>& args, int expected_exit) {
    const auto r = run_dpslint(args, demo);
    INFO(r.err);
    REQUIRE(r.exit_code == expected_exit);
    return nlohmann::json::parse(r.out);
}

std::map<std::string, std::string> transitions_by_file(const nlohmann::json& doc) {
    std::map<std::string, std::string> out;
    for (const auto& d : doc["devices"])
        out[d["file"].get<std::string>()] = d.value("transition", "(error)");
    return out;
}

std::vector<std::string> finding_ids(const nlohmann::json& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f["rule"].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("diff: the committed change gives exactly the expected transitions", "[cli][diff]") {
    const auto doc = diff_json(diff_args("diff/after", demo_devices), 1);
    CHECK(doc["command"] == "diff");
    CHECK(doc["at"] == "2026-12-01T00:00:00Z");

    CHECK(transitions_by_file(doc)
          == std::map<std::string, std::string>{
              // Disabled my-device-group: its devices are blocked, not passed on to the groups
              // above (DPS does not fall through).
              {"devices/device-1.pem", "provisioned->blocked"},
              {"devices/device-2.pem", "provisioned->blocked"},
              {"devices/sensor-042.pem", "provisioned->blocked"},
              {"devices/device-expired.pem", "rejected->blocked"},
              // Its CA record removed, customer-a-devices no longer matches; the walk goes on to
              // the root, where gateway-devices now is.
              {"devices/customer-a-0001.pem", "enrollment-changed"},
              {"devices/customer-a-0002.pem", "unchanged"},
              {"devices/device-001.pem", "unchanged"},
              {"devices/rogue-device.pem", "unchanged"},
              {"devices/sensor-bad-cn.pem", "unchanged"}});

    const auto& moved = doc["devices"][0];
    REQUIRE(moved["file"] == "devices/customer-a-0001.pem");
    CHECK(moved["registrationId"] == "customer-a-0001");
    CHECK(moved["before"]["enrollment"]
          == nlohmann::json{{"kind", "group"}, {"id", "customer-a-devices"}});
    CHECK(moved["after"]["enrollment"]
          == nlohmann::json{{"kind", "group"}, {"id", "gateway-devices"}});
    CHECK(moved["before"]["allocationPolicy"] == "static");
    CHECK(moved["after"]["allocationPolicy"] == "hashed");
    CHECK(moved["after"]["hubs"].size() == 2);
    CHECK(moved["after"]["iotEdge"] == true);
    CHECK(moved["changes"] == nlohmann::json{"enrollment", "hubs", "twin", "capabilities"});

    const auto& blocked = doc["devices"][3];
    REQUIRE(blocked["file"] == "devices/device-1.pem");
    CHECK(blocked["before"]["decision"] == "provisioned");
    CHECK(blocked["after"]["decision"] == "blocked");
    CHECK(blocked["after"]["reasonCode"] == 401002);
    CHECK(blocked["after"]["enrollment"]["id"] == "my-device-group");

    const auto& t = doc["summary"]["transitions"];
    CHECK(t["provisioned->blocked"] == 3);
    CHECK(t["rejected->blocked"] == 1);
    CHECK(t["enrollment-changed"] == 1);
    CHECK(t["unchanged"] == 4);
    CHECK(t["blocked->provisioned"] == 0);
    CHECK(doc["summary"]["devices"] == 9);
    CHECK(doc["summary"]["unreadable"] == 0);

    CHECK(finding_ids(doc["findings"])
          == std::vector<std::string>{"diff.devices-change-enrollment", "diff.devices-change-hub",
                                      "diff.devices-change-twin", "diff.devices-lose-provisioning",
                                      "diff.group-moved-to-root"});
    for (const auto& f : doc["findings"]) {
        CHECK(f["citation"].get<std::string>().rfind("https://learn.microsoft.com/", 0) == 0);
        if (f["rule"] == "diff.devices-lose-provisioning") {
            CHECK(f["severity"] == "error");
            CHECK(f["location"]["enrollmentId"] == "my-device-group");
            CHECK(f["message"].get<std::string>().rfind("3 device(s)", 0) == 0);
        }
    }
    // The lint run on both sides, compared by rule and entity: the dangling caReference is new,
    // the unverified customer-A record is gone.
    CHECK(std::find(finding_ids(doc["lint"]["introduced"]).begin(),
                    finding_ids(doc["lint"]["introduced"]).end(), "enrollment.ca-missing")
          != finding_ids(doc["lint"]["introduced"]).end());
    const auto fixed = finding_ids(doc["lint"]["fixed"]);
    CHECK(std::find(fixed.begin(), fixed.end(), "ca.unverified") != fixed.end());
}

TEST_CASE("diff: the configuration changes, field by field, without etags or order",
          "[cli][diff]") {
    const auto doc = diff_json(diff_args("diff/after", {}), 1);
    std::vector<std::string> entities;
    std::vector<std::string> paths;
    for (const auto& c : doc["config"]["changes"]) {
        entities.push_back(c["kind"].get<std::string>() + " " + c["id"].get<std::string>() + " "
                           + c["change"].get<std::string>());
        for (const auto& f : c["fields"]) {
            paths.push_back(c["id"].get<std::string>() + f["path"].get<std::string>());
            CHECK(f.contains("beforePointer"));
            CHECK(f.contains("afterPointer"));
        }
    }
    // Every etag, lastUpdated and the order of the CA records differ too: not changes.
    CHECK(entities
          == std::vector<std::string>{"ca customer-a-intermediate-ca removed",
                                      "group gateway-devices changed",
                                      "group my-device-group changed"});
    CHECK(paths
          == std::vector<std::string>{"customer-a-intermediate-ca/properties/thumbprint",
                                      "customer-a-intermediate-ca/properties/isVerified",
                                      "customer-a-intermediate-ca/properties/subject",
                                      "customer-a-intermediate-ca/properties/expiry",
                                      "gateway-devices/attestation/x509/caReferences/primary",
                                      "gateway-devices/allocationPolicy", "gateway-devices/iotHubs",
                                      "gateway-devices/initialTwin/properties/desired/firmware",
                                      "gateway-devices/initialTwin/properties/desired/role",
                                      "gateway-devices/initialTwin/tags/environment",
                                      "my-device-group/provisioningStatus"});
    const auto& status = doc["config"]["changes"][2]["fields"][0];
    CHECK(status["before"] == "enabled");
    CHECK(status["after"] == "disabled");
    CHECK(status["beforePointer"] == "/0/provisioningStatus");
    CHECK(status["afterPointer"] == "/0/provisioningStatus");
    CHECK(doc["config"]["changes"][2]["after"]["file"] == "diff/after/enrollment-groups.json");
    // No device given: the devices list is empty, not missing.
    CHECK(doc["devices"] == nlohmann::json::array());
}

TEST_CASE("diff: an expected loss is a notice and no longer fails", "[cli][diff]") {
    // The lint findings the change introduces fail on their own; left out here.
    const std::vector<std::string> quiet_lint{"--disable", "enrollment.*", "--disable", "ca.*"};
    auto args = diff_args("diff/after", {"devices/device-1.pem", "devices/device-2.pem"});
    args.insert(args.end(), quiet_lint.begin(), quiet_lint.end());
    auto failing = diff_json(args, 1);
    CHECK(
        finding_ids(failing["findings"])
        == std::vector<std::string>{"diff.devices-lose-provisioning", "diff.group-moved-to-root"});

    args.insert(args.end(), {"--expect-loss", "MY-DEVICE-GROUP"});
    const auto expected = diff_json(args, 0);
    CHECK(finding_ids(expected["findings"])
          == std::vector<std::string>{"diff.expected-loss", "diff.group-moved-to-root"});
    for (const auto& f : expected["findings"]) {
        if (f["rule"] == "diff.expected-loss")
            CHECK(f["severity"] == "notice");
    }
}

TEST_CASE("diff: the lint configuration applies to diff findings", "[cli][diff]") {
    ScratchDir dir("diff-config");
    const auto config = dir.write("dpslint.json", R"({"disable": ["enrollment.*", "ca.*"],
          "severity": {"diff.group-moved-to-root": "error"},
          "suppressions": [{"rule": "diff.devices-lose-provisioning", "target": "my-device-group",
                            "reason": "my-device-group is retired on purpose"}]})");
    const auto doc = diff_json(
        diff_args("diff/after", {"devices/device-1.pem", "--config", config.string()}), 1);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["rule"] == "diff.group-moved-to-root");
    CHECK(doc["findings"][0]["severity"] == "error");
    CHECK(doc["summary"]["suppressed"] == 1);
    CHECK(doc["summary"]["transitions"]["provisioned->blocked"] == 1);
}

TEST_CASE("diff rules: listed and explained like any rule, checked by diff", "[cli][diff]") {
    auto r = run_dpslint({"rules"}, demo);
    REQUIRE(r.exit_code == 0);
    for (const char* id : {"diff.devices-change-enrollment", "diff.devices-change-hub",
                           "diff.devices-change-reprovision", "diff.devices-change-twin",
                           "diff.devices-gain-provisioning", "diff.devices-lose-provisioning",
                           "diff.expected-loss", "diff.group-moved-to-root"}) {
        INFO(id);
        const auto at = r.out.find(std::string(id) + " ");
        REQUIRE(at != std::string::npos);
        CHECK(r.out.substr(at, r.out.find('\n', at) - at).find("(dpslint diff)")
              != std::string::npos);
    }
    const auto listing =
        nlohmann::json::parse(run_dpslint({"rules", "--format", "json"}, demo).out);
    for (const auto& rule : listing["rules"]) {
        INFO(rule["id"]);
        CHECK(rule["checkedBy"]
              == (rule["category"] == "diff" ? std::string("diff") : std::string("lint")));
    }

    r = run_dpslint({"explain", "diff.devices-lose-provisioning"}, demo);
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("diff.devices-lose-provisioning: Devices would stop provisioning", 0) == 0);
    CHECK(r.out.find("checked by dpslint diff") != std::string::npos);
    CHECK(r.out.find("https://learn.microsoft.com/") != std::string::npos);
}

TEST_CASE("diff rules: a configuration naming them is accepted by lint and applied by diff",
          "[cli][diff]") {
    ScratchDir dir("diff-rule-config");
    const auto config = dir.write("dpslint.json", R"({"disable": ["enrollment.*", "ca.*",
          "diff.devices-change-hub"], "enable": ["diff.devices-change-twin"],
          "severity": {"diff.devices-lose-provisioning": "warning"}})");

    // lint: accepted, no effect: no diff.* finding and none listed as run or not applicable.
    auto r = run_dpslint({"lint", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z",
                          "--config", config.string(), "--format", "json"},
                         demo);
    INFO(r.err);
    REQUIRE(r.exit_code != 2);
    const auto lint = nlohmann::json::parse(r.out);
    for (const auto& key : {"rulesRun", "rulesNotApplicable"}) {
        for (const auto& id : lint[key])
            CHECK(id.get<std::string>().rfind("diff.", 0) != 0);
    }
    for (const auto& f : lint["findings"])
        CHECK(f["rule"].get<std::string>().rfind("diff.", 0) != 0);

    // diff: applied. The loss is a warning, so the run passes; the hub change is not reported.
    const auto doc =
        diff_json(diff_args("diff/after", {"devices/device-1.pem", "devices/customer-a-0001.pem",
                                           "--config", config.string()}),
                  0);
    const auto ids = finding_ids(doc["findings"]);
    CHECK(std::find(ids.begin(), ids.end(), "diff.devices-change-hub") == ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "diff.devices-change-twin") != ids.end());
    for (const auto& f : doc["findings"]) {
        if (f["rule"] == "diff.devices-lose-provisioning")
            CHECK(f["severity"] == "warning");
    }
    CHECK(std::find(ids.begin(), ids.end(), "diff.devices-lose-provisioning") != ids.end());

    // A misspelt diff rule is refused by both, naming the file.
    const auto bad = dir.write("bad.json", R"({"disable": ["diff.devices-lose-provisionin"]})");
    r = run_dpslint({"lint", "--snapshot", "snapshot", "--config", bad.string()}, demo);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.json") != std::string::npos);
    r = run_dpslint(diff_args("diff/after", {"--config", bad.string()}), demo);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.json") != std::string::npos);
}

TEST_CASE("diff: the same snapshot on both sides changes nothing", "[cli][diff]") {
    auto args = diff_args("snapshot", demo_devices);
    const auto doc = diff_json(args, 0);
    CHECK(doc["config"]["changes"] == nlohmann::json::array());
    CHECK(doc["summary"]["transitions"]["unchanged"] == 9);
    CHECK(doc["devices"].size() == 9);
    CHECK(doc["findings"] == nlohmann::json::array());
    CHECK(doc["lint"]["introduced"] == nlohmann::json::array());
}

TEST_CASE("diff: devices from a batch report and directories, each once", "[cli][diff]") {
    ScratchDir dir("diff-report");
    const auto report = (dir / "report.jsonl").string();
    const auto batch =
        run_dpslint({"batch", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z", "--report",
                     report, "--quiet", "devices/device-1.pem", "devices/customer-a-0001.pem"},
                    demo);
    REQUIRE(batch.exit_code != 2);
    const auto doc =
        diff_json(diff_args("diff/after", {"--devices-from", report, "--jobs", "2"}), 1);
    CHECK(transitions_by_file(doc)
          == std::map<std::string, std::string>{
              {"devices/device-1.pem", "provisioned->blocked"},
              {"devices/customer-a-0001.pem", "enrollment-changed"}});

    // A directory: every file in it appears once, the unreadable .txt dumps too (exit 2).
    const auto r = run_dpslint(diff_args("diff/after", {"devices"}), demo);
    CHECK(r.exit_code == 2);
    const auto all = nlohmann::json::parse(r.out);
    CHECK(all["devices"].size() == 18);
    CHECK(all["summary"]["devices"] == 9);
    CHECK(all["summary"]["unreadable"] == 9);
}

TEST_CASE("diff: bad input is one line naming the file and the place, exit 2", "[cli][diff]") {
    ScratchDir dir("diff-bad");
    const auto bad_report = dir.write("bad.jsonl", "{\"file\": \"x.pem\"}\n{not json\n");
    auto r = run_dpslint(diff_args("diff/after", {"--devices-from", bad_report.string()}), demo);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("bad.jsonl") != std::string::npos);
    CHECK(r.err.find("line 2") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

    r = run_dpslint(diff_args("no-such-snapshot", {}), demo);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no-such-snapshot") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

    const auto junk = dir.write("junk.pem", "not a certificate\n");
    r = run_dpslint(diff_args("diff/after", {junk.string(), "devices/device-1.pem"}), demo);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("junk.pem") != std::string::npos);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["devices"].size() == 2);
    CHECK(doc["devices"][0]["errorId"] == "input.not-a-certificate");
}

TEST_CASE("diff: text output names every device and the counts", "[cli][diff]") {
    const auto r =
        run_dpslint({"diff", "--before", "snapshot", "--after", "diff/after", "--at",
                     "2026-12-01T00:00:00Z", "devices/device-1.pem", "devices/rogue-device.pem"},
                    demo);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("devices/device-1.pem 'device-1': provisioned->blocked") != std::string::npos);
    CHECK(r.out.find("devices/rogue-device.pem 'rogue-device': unchanged") != std::string::npos);
    CHECK(r.out.find("summary: 2 device(s): provisioned->blocked 1, unchanged 1")
          != std::string::npos);
    CHECK(r.out.find("error   diff.devices-lose-provisioning") != std::string::npos);
}

}  // namespace diff_cli_test
