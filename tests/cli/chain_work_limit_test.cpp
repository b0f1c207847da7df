// Chain building against a device file full of CA certificates with one name, through the real
// binary: 200 devices and 1,500 such CAs (about 800 KB) did not finish in 600 s in
// `batch --trust`, one device with 1,000 took 2.5 s. Now the CA that leads to a trust anchor is
// tried first, and the work per device is bounded (chain.work-limit-exceeded) when there is none.
#include <chrono>
#include <fstream>
#include <map>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/certificate_builder.hpp"
#include "support/hostile_pki.hpp"
#include "support/process.hpp"
#include "support/resource_bounds.hpp"
#include "support/scratch.hpp"

using namespace dpslint::test;

namespace chain_work_limit_test {

namespace {

constexpr const char* at = "2030-06-01T00:00:00Z";
// A release build needs about a second for the largest case; sanitizer builds several.
constexpr auto time_limit = std::chrono::seconds(30);

struct BatchOutcome {
    ProcessResult result;
    std::chrono::steady_clock::duration elapsed;
    std::size_t lines = 0;
    std::map<std::string, std::size_t> decisions;
    std::size_t work_limited = 0;
};

BatchOutcome batch(const ScratchDir& dir, const std::string& trust, const std::string& devices) {
    const auto report = (dir.path() / "report.jsonl").string();
    BatchOutcome out;
    const auto start = std::chrono::steady_clock::now();
    out.result = run_dpslint({"batch", "--trust", trust, "--at", at, "--quiet", "--jobs", "2",
                              "--report", report, "--format", "json", devices});
    out.elapsed = std::chrono::steady_clock::now() - start;
    std::ifstream in(report);
    std::string line;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line);
        ++out.lines;
        ++out.decisions[j.at("decision").get<std::string>()];
        for (const auto& f : j.at("findings"))
            out.work_limited += f.at("rule") == "chain.work-limit-exceeded";
    }
    return out;
}

}  // namespace

TEST_CASE("chain work limit: 200 devices (20 sanitized) and 1,500 same-name CAs in one file",
          "[cli][hostile][chain]") {
    // The full size against a release binary (CI runs these tests again with DPSLINT_TEST_BINARY);
    // a sanitizer build, where only memory safety is checked, gets a tenth of the devices.
    const std::size_t devices = binary_bounds_apply() ? 200 : 20;
    const SameNameCas pki = same_name_cas(devices, 1500);
    const ScratchDir dir;
    const std::string trust = dir.write("root.pem", to_pem(pki.root));

    SECTION("with the genuine CA among them: every device validates") {
        const auto b = batch(dir, trust, dir.write("devices.pem", pki.device_file_pem()));
        INFO(b.result.err);
        CHECK(b.result.signal == 0);
        CHECK(b.result.exit_code == 0);
        CHECK(b.lines == devices);
        CHECK(b.decisions.count("valid") == 1);
        CHECK(b.decisions.at("valid") == devices);
        CHECK(b.elapsed < time_limit);
    }
    SECTION("without it: every device stops at the work limit") {
        const auto b = batch(dir, trust, dir.write("devices.pem", pki.device_file_pem(false)));
        INFO(b.result.err);
        CHECK(b.result.signal == 0);
        CHECK(b.result.exit_code == 1);
        CHECK(b.lines == devices);
        CHECK(b.decisions.count("invalid") == 1);
        CHECK(b.decisions.at("invalid") == devices);
        CHECK(b.work_limited == devices);
        CHECK(b.elapsed < time_limit);
    }
}

TEST_CASE("chain work limit: verify on one device presenting 1,000 same-name CAs",
          "[cli][hostile][chain]") {
    const SameNameCas pki = same_name_cas(1, 1000);
    const ScratchDir dir;
    const std::string trust = dir.write("root.pem", to_pem(pki.root));
    for (const bool genuine : {true, false}) {
        const std::string device = dir.write("device.pem", pki.device_file_pem(genuine));
        const auto start = std::chrono::steady_clock::now();
        const auto r =
            run_dpslint({"verify", "--trust", trust, "--at", at, "--format", "json", device});
        const auto elapsed = std::chrono::steady_clock::now() - start;
        INFO(r.err);
        CHECK(r.signal == 0);
        CHECK(r.exit_code == (genuine ? 0 : 1));
        CHECK(elapsed < std::chrono::seconds(10));
        const auto j = nlohmann::json::parse(r.out);
        REQUIRE(j.at("results").size() == 1);
        bool limited = false;
        for (const auto& f : j.at("results")[0].at("findings"))
            limited = limited || f.at("rule") == "chain.work-limit-exceeded";
        CHECK(limited == !genuine);
    }
}

}  // namespace chain_work_limit_test
