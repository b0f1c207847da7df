// dpslint forecast, the real binary, on the bundled demo: the dates, counts, JSON shape and the
// Markdown chart.
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

namespace forecast_cli_test {

using dpslint::test::run_dpslint;
using dpslint::test::ScratchDir;
using dpslint::test::testdata;

namespace {

const std::string demo = testdata("demo").string();

std::vector<std::string> demo_args(const std::string& format) {
    std::vector<std::string> args{
        "forecast", "--snapshot",           "snapshot", "--from", "2026-12-01T00:00:00Z",
        "--until",  "2045-01-01T00:00:00Z", "--format", format};
    for (const char* device :
         {"customer-a-0001", "customer-a-0002", "device-001", "device-1", "device-2",
          "device-expired", "rogue-device", "sensor-042", "sensor-bad-cn"}) {
        args.push_back("devices/" + std::string(device) + ".pem");
    }
    return args;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("forecast: the demo's dates and device counts", "[cli][forecast]") {
    const auto r = run_dpslint(demo_args("json"), demo);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["command"] == "forecast");
    CHECK(doc["at"] == "2026-12-01T00:00:00Z");
    CHECK(doc["until"] == "2045-01-01T00:00:00Z");

    // date, role, subject, devicesLost of every event: the four provisioned devices stop with
    // their own certificates on 2030-01-01; the intermediates (2034) and the root (2044) take
    // out nobody left, but the intermediates end every group.
    std::vector<std::string> events;
    for (const auto& e : doc["events"]) {
        events.push_back(e["date"].get<std::string>().substr(0, 10) + " "
                         + e["certificate"]["role"].get<std::string>() + " "
                         + e["certificate"]["subject"].get<std::string>() + " "
                         + std::to_string(e["devicesLost"].get<int>()));
    }
    CHECK(events
          == std::vector<std::string>{
              "2030-01-01 device CN=customer-a-0001 1",
              "2030-01-01 device CN=device-001 0",
              "2030-01-01 device CN=device-1 1",
              "2030-01-01 device CN=device-2 1",
              "2030-01-01 device CN=sensor-042 1",
              "2034-01-01 verified-ca CN=Contoso IoT Intermediate CA,O=Contoso,C=US 0",
              "2034-01-01 uploaded-ca CN=Customer A Intermediate CA,O=Contoso,C=US 0",
              "2044-01-01 root CN=Contoso IoT Root CA,O=Contoso,C=US 0",
          });
    CHECK(doc["events"][5]["enrollments"] == nlohmann::json::parse(R"([
              {"kind": "group", "id": "gateway-devices", "devicesLost": 0, "stops": true},
              {"kind": "group", "id": "my-device-group", "devicesLost": 0, "stops": true},
              {"kind": "group", "id": "sensor-devices", "devicesLost": 0, "stops": true}])"));
    CHECK(doc["events"][2]["enrollments"]
          == nlohmann::json::parse(
              R"([{"kind": "group", "id": "my-device-group", "devicesLost": 1, "stops": false}])"));
}

TEST_CASE("forecast --format json has exactly the documented shape, byte-stable",
          "[cli][forecast]") {
    const auto first = run_dpslint(demo_args("json"), demo);
    REQUIRE(first.exit_code == 0);
    CHECK(run_dpslint(demo_args("json"), demo).out == first.out);
    const auto doc = nlohmann::json::parse(first.out);
    const auto keys = [](const nlohmann::json& object) {
        std::set<std::string> out;
        for (const auto& [key, value] : object.items())
            out.insert(key);
        return out;
    };
    CHECK(keys(doc) == std::set<std::string>{"command", "at", "until", "events"});
    REQUIRE_FALSE(doc["events"].empty());
    std::string previous;
    for (const auto& e : doc["events"]) {
        CHECK(keys(e)
              == std::set<std::string>{"date", "certificate", "devicesLost", "enrollments"});
        CHECK(keys(e["certificate"]) == std::set<std::string>{"subject", "sha256", "role"});
        CHECK(e["certificate"]["sha256"].get<std::string>().size() == 64);
        CHECK(e["devicesLost"].is_number_unsigned());
        for (const auto& enrollment : e["enrollments"])
            CHECK(keys(enrollment) == std::set<std::string>{"kind", "id", "devicesLost", "stops"});
        CHECK(e["date"].get<std::string>() >= previous);
        previous = e["date"].get<std::string>();
    }
}

TEST_CASE("forecast --format markdown: a mermaid bar chart and well-formed tables",
          "[cli][forecast]") {
    const auto r = run_dpslint(demo_args("markdown"), demo);
    REQUIRE(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    const auto open = std::find(lines.begin(), lines.end(), "```mermaid");
    REQUIRE(open != lines.end());
    const auto close = std::find(open + 1, lines.end(), "```");
    REQUIRE(close != lines.end());
    const std::vector<std::string> chart(open + 1, close);
    REQUIRE(chart.size() == 5);
    CHECK(chart[0] == "xychart-beta");
    CHECK(chart[2] == "    x-axis [\"2030-01\", \"2034-01\", \"2044-01\"]");
    CHECK(chart[3] == "    y-axis \"Devices\" 0 --> 4");
    CHECK(chart[4] == "    bar [4, 0, 0]");

    // Every table row has as many cells as its header.
    std::size_t columns = 0, rows = 0;
    for (const auto& line : lines) {
        if (line.empty() || line[0] != '|') {
            columns = 0;
            continue;
        }
        std::size_t cells = 0;
        for (std::size_t i = 1; i < line.size(); ++i)
            cells += line[i] == '|' && line[i - 1] != '\\';
        if (columns == 0)
            columns = cells;
        CHECK(cells == columns);
        ++rows;
    }
    // The events table (header, rule, 8 events) and the stops table (header, rule, 4 groups).
    CHECK(rows == 10 + 6);
}

TEST_CASE("forecast text: a per-month histogram", "[cli][forecast]") {
    const auto r = run_dpslint(demo_args("text"), demo);
    REQUIRE(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    CHECK(std::find(lines.begin(), lines.end(),
                    "  2030-01  " + std::string(40, '#') + " 4  (5 certificates)")
          != lines.end());
    CHECK(
        std::find(lines.begin(), lines.end(),
                  "  2034-01  " + std::string(40, ' ') + " 0  (2 certificates, 4 enrollments stop)")
        != lines.end());
}

TEST_CASE("forecast: the window and directories of devices", "[cli][forecast]") {
    ScratchDir dir("forecast");
    std::filesystem::create_directories(dir / "fleet");
    std::filesystem::copy_file(testdata("demo/devices/device-1.pem"), dir / "fleet/a.pem");
    std::filesystem::copy_file(testdata("demo/devices/device-2.pem"), dir / "fleet/b.pem");
    const auto r = run_dpslint({"forecast", "--snapshot", testdata("demo/snapshot").string(),
                                "--at", "2026-12-01T00:00:00Z", "--until", "2033-12-31T00:00:00Z",
                                "--format", "json", (dir / "fleet").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    int lost = 0;
    for (const auto& e : doc["events"]) {
        CHECK(e["date"] == "2030-01-01T00:00:00Z");
        lost += e["devicesLost"].get<int>();
    }
    CHECK(lost == 2);
}

TEST_CASE("forecast: bad input is one line and exit 2", "[cli][forecast]") {
    const auto missing = run_dpslint({"forecast", "--snapshot", "no-such-snapshot"}, demo);
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("no-such-snapshot"));
    CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);

    const auto backwards = run_dpslint({"forecast", "--snapshot", "snapshot", "--from",
                                        "2030-01-01T00:00:00Z", "--until", "2029-01-01T00:00:00Z"},
                                       demo);
    CHECK(backwards.exit_code == 2);
    CHECK_THAT(backwards.err, Catch::Contains("--until"));

    const auto bad_time =
        run_dpslint({"forecast", "--snapshot", "snapshot", "--until", "next year"}, demo);
    CHECK(bad_time.exit_code == 2);

    // An unreadable device file is named; the others are still forecast.
    const auto r = run_dpslint({"forecast", "--snapshot", "snapshot", "--at",
                                "2026-12-01T00:00:00Z", "--until", "2031-01-01T00:00:00Z",
                                "--format", "json", "devices/device-1.txt", "devices/device-1.pem"},
                               demo);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("devices/device-1.txt"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(nlohmann::json::parse(r.out)["events"].size() >= 1);
}

}  // namespace forecast_cli_test
