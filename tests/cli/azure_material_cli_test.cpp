// What users of Azure's own tutorials feed dpslint: certificates made the way certGen.sh
// (Azure/azure-iot-sdk-c, Azure/iotedge) makes them, the Learn DPS module's snapshot with its
// blocklist step, a dps.json shaped like the published DPSGet examples, a certificate record as
// `az iot dps certificate show` returns it, .pfx and .p7b files. testdata/certgen, made by
// scripts/gen-certgen-fixtures.sh.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_json.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::source_dir;
using dpslint::test::testdata;

namespace azure_material_cli_test {

namespace {

const std::string certgen = testdata("certgen").string();
// Within the 30 days of every certGen certificate.
const std::string at = "2026-11-10T00:00:00Z";
const std::vector<std::string> learn_devices{"sdk-c/certs/sensor-thl-001-device.cert.pem",
                                             "sdk-c/certs/sensor-thl-002-device.cert.pem",
                                             "sdk-c/certs/sensor-int-001-device.cert.pem"};

nlohmann::json run_json(std::vector<std::string> args, const std::vector<std::string>& inputs,
                        int expected_exit, const std::string& cwd = certgen) {
    args.insert(args.end(), inputs.begin(), inputs.end());
    return dpslint::test::run_dpslint_json(args, expected_exit, cwd);
}

std::vector<nlohmann::json> with_rule(const nlohmann::json& findings, const std::string& rule) {
    std::vector<nlohmann::json> out;
    for (const auto& f : findings) {
        if (f["rule"] == rule)
            out.push_back(f);
    }
    return out;
}

bool contains(const nlohmann::json& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("simulate: the Learn DPS module's devices against its snapshot", "[cli][azure]") {
    const auto doc =
        run_json({"simulate", "--snapshot", "learn-module", "--at", at, "--format", "json"},
                 learn_devices, 1);
    const auto& devices = doc["devices"];
    REQUIRE(devices.size() == 3);

    SECTION("dps.json without properties.iotHubs: hubs unknown, devices still provision") {
        for (int i : {0, 1}) {
            INFO(devices[i]["file"]);
            CHECK(devices[i]["decision"] == "provisioned");
            CHECK(devices[i]["reasonCode"] == 200);
            CHECK(devices[i]["hubs"].empty());
            CHECK(with_rule(devices[i]["findings"], "attestation.no-eligible-hub").empty());
        }
        const auto& not_checked = doc["snapshot"]["notChecked"];
        CHECK(std::any_of(not_checked.begin(), not_checked.end(), [](const nlohmann::json& l) {
            return l.get<std::string>().rfind(
                       "linked-hubs.json absent and dps.json has no properties.iotHubs", 0)
                   == 0;
        }));
    }
    SECTION("the blocklist entry 'disallow-002' does not block sensor-thl-002") {
        CHECK(devices[1]["registrationId"] == "sensor-thl-002");
        CHECK(devices[1]["enrollment"]["id"] == "enrollment-group-learn01");
    }
    SECTION("a leaf-only device under an intermediate nobody uploaded: why the chain stops") {
        const auto& d = devices[2];
        CHECK(d["decision"] == "rejected");
        CHECK(d["reasonCode"] == 401002);
        CHECK_THAT(d["reason"].get<std::string>(),
                   Catch::Contains("presents no issuer certificate")
                       && Catch::Contains("no uploaded CA issued it"));
        const auto f = with_rule(d["findings"], "attestation.no-enrollment");
        REQUIRE(f.size() == 1);
        CHECK_THAT(f[0]["message"].get<std::string>(),
                   Catch::Contains("the device presents no issuer certificate and no CA "
                                   "certificate uploaded to DPS issued it")
                       && Catch::Contains("CN=Azure IoT Hub Intermediate Cert Test Only")
                       && Catch::Contains("present its chain up to the verified CA"));
    }
}

TEST_CASE("lint: the Learn DPS module's snapshot", "[cli][azure]") {
    const auto doc = run_json({"lint", "--snapshot", "learn-module", "--at", at, "--format", "json",
                               "--fail-on", "never"},
                              learn_devices, 0);
    const auto& findings = doc["findings"];

    // The blocklist step: an entry that can never match its own certificate.
    const auto mismatch = with_rule(findings, "individual.registration-id-cn-mismatch");
    CHECK(mismatch.size() == 1);
    for (const auto& f : mismatch) {
        CHECK(f["severity"] == "error");
        CHECK(f["location"]["enrollmentId"] == "disallow-002");
        CHECK_THAT(f["message"].get<std::string>(),
                   Catch::Contains("registration ID must be 'sensor-thl-002'"));
    }

    // Hubs unknown: the hub rules do not apply, nothing claims "no hub".
    CHECK(with_rule(findings, "allocation.no-eligible-hub").empty());
    CHECK(contains(doc["rulesNotApplicable"], "allocation.no-eligible-hub"));
    // The record carries its body (certificate show): nothing is missing.
    CHECK(with_rule(findings, "ca.body-missing").empty());
    // certGen chains end seconds apart: within the default tolerance.
    CHECK(with_rule(findings, "device.outlives-issuer").empty());
    // Nothing about allocation on the blocklist entry, which never allocates.
    for (const auto& f : findings) {
        if (f["rule"].get<std::string>().rfind("allocation.", 0) == 0)
            CHECK(f["location"].value("enrollmentId", "") != "disallow-002");
    }
    // What the guide's starter configuration is for.
    CHECK(with_rule(findings, "ca.expiring-soon").size() == 1);
    CHECK(with_rule(findings, "enrollment.ca-is-root").size() == 1);
}

TEST_CASE("lint: the guide's starter configuration quiets what tutorial PKIs always trigger",
          "[cli][azure]") {
    const auto config = (source_dir() / "docs" / "examples" / "test-pki.dpslint.json").string();
    const auto doc = run_json(
        {"lint", "--snapshot", "learn-module", "--at", at, "--format", "json", "--config", config},
        {}, 1);
    const auto& findings = doc["findings"];
    CHECK(with_rule(findings, "ca.expiring-soon").empty());
    CHECK(with_rule(findings, "enrollment.ca-is-root").empty());
    CHECK(with_rule(findings, "config.suppression-unused").empty());
    // It quiets the test-PKI noise only: the blocklist entry that blocks nothing still fails.
    CHECK(with_rule(findings, "individual.registration-id-cn-mismatch").size() == 1);
}

TEST_CASE("lint: informational fields of the wrong type are notices, not a rejected snapshot",
          "[cli][azure]") {
    // info.version as the string "3" (the CLI extension's own payloads), etags and timestamps
    // as numbers: each ignored with a notice naming file and pointer.
    const auto doc = run_json({"lint", "--snapshot", "testdata/snapshots/informational-types.json",
                               "--at", at, "--format", "json", "--fail-on", "never"},
                              {}, 0, source_dir().string());
    const auto ignored = with_rule(doc["findings"], "input.field-ignored");
    REQUIRE(ignored.size() == 9);
    CHECK(
        std::any_of(ignored.begin(), ignored.end(), [](const nlohmann::json& f) {
            return f["severity"] == "notice"
               && f["location"]["file"] == "testdata/snapshots/informational-types.json"
               && f["location"]["jsonPointer"]
                      == "/enrollments/0/attestation/x509/clientCertificates/primary/info/version";
        }));

    const auto text =
        run_dpslint({"simulate", "--snapshot", "testdata/snapshots/informational-types.json",
                     "--at", at, "testdata/demo/devices/device-1.pem"},
                    source_dir().string());
    CHECK(text.exit_code != 2);
    CHECK_THAT(text.out, Catch::Contains("notice  input.field-ignored: "
                                         "testdata/snapshots/informational-types.json:/enrollments/"
                                         "0/attestation/x509/clientCertificates/primary/info/"
                                         "version: expected integer, got string"));
}

TEST_CASE("batch: one cause counts once in the summary", "[cli][azure]") {
    const auto doc =
        run_json({"batch", "--snapshot", "learn-module", "--at", at, "--quiet", "--format", "json"},
                 learn_devices, 1);
    const auto& by_rule = doc["summary"]["findingsByRule"];
    CHECK(by_rule.contains("device.no-enrollment"));
    CHECK_FALSE(by_rule.contains("attestation.no-enrollment"));
    CHECK(doc["summary"]["decisions"]["rejected"] == 1);
}

TEST_CASE("simulate: Azure iotedge certGen output as is", "[cli][azure]") {
    // ca/ holds certGen's intermediate full-chain file unrenamed; dps.json has iotHubs null and
    // linked-hubs.json names the hub; the device file is certGen's *-full-chain.cert.pem.
    const auto doc =
        run_json({"simulate", "--snapshot", "iotedge-snapshot", "--at", at, "--format", "json"},
                 {"iotedge/certs/iot-device-edge-sensor-01-full-chain.cert.pem",
                  "iotedge/certs/iot-device-edge-sensor-01.cert.pem"},
                 0);
    for (const auto& d : doc["devices"]) {
        INFO(d["file"]);
        CHECK(d["decision"] == "provisioned");
        CHECK(d["enrollment"]["id"] == "edge-devices");
        REQUIRE(d["hubs"].size() == 1);
        CHECK(d["hubs"][0]["name"] == "hub-edge01.azure-devices.net");
    }
    CHECK(doc["inputFindings"].empty());  // both certificates of the ca/ file have a record
}

TEST_CASE("PKCS#12 and PKCS#7 inputs get one line saying what to run instead", "[cli][azure]") {
    struct Case {
        std::vector<std::string> command;
        std::string file;
        std::string expected;
    };
    const std::vector<std::string> verify{"verify", "--at", at, "--trust",
                                          "sdk-c/certs/azure-iot-test-only.root.ca.cert.pem"};
    const std::vector<std::string> simulate{"simulate", "--snapshot", "learn-module", "--at", at};
    const std::vector<Case> cases{
        {simulate, "sdk-c/certs/sensor-thl-001-device.cert.pfx",
         "sdk-c/certs/sensor-thl-001-device.cert.pfx:offset 0: a PKCS#12 (.pfx/.p12) file, not a "
         "certificate: dpslint reads PEM or DER certificates; extract them with `openssl pkcs12 "
         "-in sdk-c/certs/sensor-thl-001-device.cert.pfx -nokeys -out "
         "sdk-c/certs/sensor-thl-001-device.cert.pfx.pem`"},
        {verify, "sdk-c/certs/azure-iot-test-only.chain.ca.p7b",
         "sdk-c/certs/azure-iot-test-only.chain.ca.p7b:offset 0: a PKCS#7 (.p7b) bundle, not a "
         "certificate: dpslint reads PEM or DER certificates; extract them with `openssl pkcs7 "
         "-inform DER -print_certs -in sdk-c/certs/azure-iot-test-only.chain.ca.p7b -out "},
        {verify, "sdk-c/certs/azure-iot-test-only.chain.ca.p7b.pem",
         "a PKCS#7 (.p7b) bundle, not a certificate: dpslint reads PEM or DER certificates; "
         "extract them with `openssl pkcs7 -print_certs -in "
         "sdk-c/certs/azure-iot-test-only.chain.ca.p7b.pem -out "},
    };
    for (const auto& c : cases) {
        auto args = c.command;
        args.push_back(c.file);
        const auto r = run_dpslint(args, certgen);
        INFO(c.file << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_THAT(r.err, Catch::Contains(c.expected));
    }

    // In a batch the file is rejected and reported; the rest is still checked.
    const auto doc = run_json({"batch", "--snapshot", "learn-module", "--at", at, "--quiet",
                               "--format", "json", "--report", "/dev/null"},
                              {"sdk-c/certs/sensor-thl-001-device.cert.pfx",
                               "sdk-c/certs/sensor-thl-001-device.cert.pem"},
                              1);
    CHECK(doc["summary"]["filesSeen"] == 2);
    CHECK(doc["summary"]["filesRejected"] == 1);
    CHECK(doc["summary"]["decisions"]["provisioned"] == 1);
    CHECK(doc["summary"]["rejectedByReason"]["input.not-a-certificate"] == 1);
}

TEST_CASE("rules: what a case-dependent severity depends on", "[cli][rules]") {
    const auto text = run_dpslint({"rules"});
    REQUIRE(text.exit_code == 0);
    const auto line = text.out.find("ca.unverified ");
    REQUIRE(line != std::string::npos);
    const std::string entry =
        text.out.substr(line, text.out.find('\n', text.out.find('\n', line) + 1) - line);
    CHECK_THAT(entry, Catch::Contains("varies")
                          && Catch::Contains("error, warning or notice by case: error when"));

    const auto json = nlohmann::json::parse(run_dpslint({"rules", "--format", "json"}).out);
    const auto rule =
        std::find_if(json["rules"].begin(), json["rules"].end(),
                     [](const nlohmann::json& r) { return r["id"] == "ca.unverified"; });
    REQUIRE(rule != json["rules"].end());
    CHECK((*rule)["severities"] == nlohmann::json{"error", "warning", "notice"});
    CHECK_THAT((*rule)["severityDependsOn"].get<std::string>(), Catch::Contains("notice when"));

    const auto markdown = run_dpslint({"rules", "--format", "markdown"}).out;
    CHECK_THAT(markdown, Catch::Contains("| [`ca.unverified`](#caunverified) | error, warning or "
                                         "notice |"));
    const auto explain = run_dpslint({"explain", "ca.unverified"}).out;
    CHECK_THAT(explain, Catch::Contains("severity   error, warning or notice by case: error when"));
}

TEST_CASE("lint: batch-wide findings belong to the run, not to one of its devices", "[cli][lint]") {
    const std::vector<std::string> devices{"devices/device-1.pem", "devices/customer-a-0001.pem",
                                           "devices/rogue-device.pem"};
    const auto demo = testdata("demo").string();
    const auto doc = run_json({"lint", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z",
                               "--format", "json", "--fail-on", "never"},
                              devices, 0, demo);
    const auto mixed = with_rule(doc["findings"], "batch.mixed-issuers");
    REQUIRE(mixed.size() == 1);
    CHECK(mixed[0]["location"] == nlohmann::json::object());

    std::vector<std::string> args{
        "lint", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z", "--fail-on", "never"};
    args.insert(args.end(), devices.begin(), devices.end());
    const auto text = run_dpslint(args, demo);
    const auto heading = text.out.find("across all devices of this run\n");
    REQUIRE(heading != std::string::npos);
    CHECK(text.out.find("batch.mixed-issuers", heading) != std::string::npos);
}

}  // namespace azure_material_cli_test
