// dpslint simulate on the bundled demo: the decisions the README shows.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::testdata;

namespace simulate_cli_test {

namespace {

const std::string demo = testdata("demo").string();

nlohmann::json simulate_json(std::vector<std::string> devices, int expected_exit) {
    std::vector<std::string> args{
        "simulate", "--snapshot", "snapshot", "--at", "2026-12-01T00:00:00Z", "--format", "json"};
    args.insert(args.end(), devices.begin(), devices.end());
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

}  // namespace

TEST_CASE("simulate: the demo devices get the walkthrough's decisions", "[cli][simulate]") {
    const auto doc = simulate_json(
        {"devices/device-1.pem", "devices/device-001.pem", "devices/customer-a-0001.pem",
         "devices/customer-a-0002.pem", "devices/device-expired.pem", "devices/sensor-bad-cn.pem",
         "devices/rogue-device.pem"},
        1);
    CHECK(doc["summary"]
          == nlohmann::json{{"devices", 7},
                            {"provisioned", 2},
                            {"blocked", 1},
                            {"rejected", 4},
                            {"unreadable", 0},
                            {"presentedFiles", 0},
                            {"presentedCertificates", 0},
                            {"trust", {{"verifiedCaRecords", 2}, {"caCertificates", 3}}}});

    const auto& d1 = *device(doc, "devices/device-1.pem");
    CHECK(d1["decision"] == "provisioned");
    CHECK(d1["reasonCode"] == 200);
    CHECK(d1["enrollment"] == nlohmann::json{{"kind", "group"}, {"id", "my-device-group"}});
    CHECK(d1["deviceId"] == "device-1");
    CHECK(d1["allocationPolicy"] == "hashed");
    CHECK(d1["hubs"].size() == 2);
    CHECK(d1["initialTwin"]["tags"]["environment"] == "production");
    CHECK(d1["initialTwin"]["properties"]["desired"]["telemetryInterval"] == 60);

    const auto& blocked = *device(doc, "devices/device-001.pem");
    CHECK(blocked["decision"] == "blocked");
    CHECK(blocked["enrollment"] == nlohmann::json{{"kind", "individual"}, {"id", "device-001"}});
    CHECK(blocked["deviceId"].is_null());

    const auto& customer = *device(doc, "devices/customer-a-0001.pem");
    CHECK(customer["decision"] == "provisioned");
    CHECK(customer["allocationPolicy"] == "static");
    CHECK(customer["assignedHub"] == "contoso-hub-westeurope.azure-devices.net");

    const auto& omitted = *device(doc, "devices/customer-a-0002.pem");
    CHECK(omitted["decision"] == "rejected");
    CHECK(omitted["reasonCode"] == 401002);
    CHECK(omitted["findings"][0]["rule"] == "attestation.chain-incomplete");

    CHECK((*device(doc, "devices/device-expired.pem"))["findings"][0]["rule"] == "chain.expired");
    CHECK((*device(doc, "devices/sensor-bad-cn.pem"))["reasonCode"] == 400004);
    CHECK((*device(doc, "devices/rogue-device.pem"))["enrollment"].is_null());
}

TEST_CASE("simulate: exit 0 when every device provisions", "[cli][simulate]") {
    const auto doc = simulate_json({"devices/device-1.pem", "devices/device-2.pem"}, 0);
    CHECK(doc["summary"]["provisioned"] == 2);
}

TEST_CASE("simulate: output is byte-for-byte stable", "[cli][simulate]") {
    const std::vector<std::string> args{"simulate",
                                        "--snapshot",
                                        "snapshot",
                                        "--at",
                                        "2026-12-01T00:00:00Z",
                                        "devices/device-1.pem",
                                        "devices/rogue-device.pem"};
    CHECK(run_dpslint(args, demo).out == run_dpslint(args, demo).out);
}

TEST_CASE("simulate: --presented completes every device's chain", "[cli][simulate]") {
    const auto doc = simulate_json(
        {"--presented", "ca/customer-a-intermediate-ca.pem", "devices/customer-a-0002.pem"}, 0);
    CHECK((*device(doc, "devices/customer-a-0002.pem"))["decision"] == "provisioned");
}

TEST_CASE("simulate: a broken snapshot is one line naming file and pointer, exit 2",
          "[cli][simulate]") {
    const auto r =
        run_dpslint({"simulate", "--snapshot", testdata("snapshots/broken/wrong-type").string(),
                     "devices/device-1.pem"},
                    demo);
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_THAT(r.err, Catch::Contains("enrollment-groups.json:/"));
    CHECK(r.out.empty());
}

TEST_CASE("simulate: an unreadable device file is reported and the rest still decided",
          "[cli][simulate]") {
    const auto doc = simulate_json({"devices/device-1.pem", "devices/missing.pem"}, 2);
    CHECK(doc["devices"].size() == 2);
    CHECK(doc["devices"][1]["error"] == "devices/missing.pem: cannot read: no such file");
    CHECK(doc["summary"]["unreadable"] == 1);
}

}  // namespace simulate_cli_test
