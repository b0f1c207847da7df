// device.cn-pattern against hostile input through the real binary. With std::regex, a
// 40,000-character CN overflowed the stack of lint and batch, ^(([a-z0-9-])+)+$ on a
// 41-character CN ran for hours, and a pattern of 100,000 nested groups crashed while loading.
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/certificate_builder.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace regex_hostile_test {

namespace {

constexpr const char* at = "2026-12-01T00:00:00Z";
// Generous for sanitizer builds; a release build takes well under a second.
constexpr auto time_limit = std::chrono::seconds(10);

// A device certificate with subject CN `cn` of any length (typed directly, past OpenSSL's
// 64-character upper bound for CNs).
std::string device_with_cn(const std::string& cn) {
    Builder b;
    X509_NAME* name = X509_NAME_new();
    Builder::add_typed(name, "2.5.4.3", V_ASN1_UTF8STRING, Bytes(cn.begin(), cn.end()));
    b.subject(name);
    X509_NAME_free(name);
    return to_pem(b.sign());
}

std::string pattern_config(const std::string& pattern) {
    return nlohmann::json{{"enable", {"device.cn-pattern"}},
                          {"options", {{"device.cn-pattern", {{"pattern", pattern}}}}}}
        .dump();
}

struct Timed {
    ProcessResult result;
    std::chrono::steady_clock::duration elapsed;
};

Timed run(const std::vector<std::string>& args) {
    const auto start = std::chrono::steady_clock::now();
    ProcessResult result = run_dpslint(args);
    return {std::move(result), std::chrono::steady_clock::now() - start};
}

Timed lint(const std::string& config, const std::string& device) {
    return run({"lint", "--at", at, "--snapshot", testdata("demo/snapshot").string(), "--config",
                config, "--format", "json", device});
}

// The hostile device and an ordinary one, which must be reported too.
Timed batch(const ScratchDir& dir, const std::string& config, const std::string& device) {
    return run({"batch", "--at", at, "--snapshot", testdata("demo/snapshot").string(), "--config",
                config, "--quiet", "--report", (dir.path() / "report.jsonl").string(), device,
                testdata("demo/devices/device-1.pem").string()});
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("cn-pattern: a 40,000-character CN in lint and batch", "[cli][hostile][regex]") {
    const ScratchDir dir;
    const std::string config = dir.write("config.json", pattern_config("^[a-z0-9-]+$"));
    const std::string device =
        dir.write("long-cn.pem", device_with_cn(std::string(40000, 'a') + "!"));

    const auto l = lint(config, device);
    CHECK(l.result.signal == 0);
    CHECK(l.result.exit_code == 1);
    CHECK(l.result.err.empty());
    CHECK(count(l.result.out, "\"device.cn-pattern\"") >= 1);
    CHECK(l.elapsed < time_limit);

    const auto b = batch(dir, config, device);
    CHECK(b.result.signal == 0);
    CHECK(b.result.exit_code == 1);
    const std::string report = [&] {
        std::ifstream in(dir.path() / "report.jsonl");
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }();
    CHECK(count(report, "\n") == 2);
    CHECK(count(report, "device.cn-pattern") == 1);  // device-1 matches
    CHECK(b.elapsed < time_limit);
}

TEST_CASE("cn-pattern: nested repetitions against a 41-character CN", "[cli][hostile][regex]") {
    const ScratchDir dir;
    const std::string config = dir.write("config.json", pattern_config("^(([a-z0-9-])+)+$"));
    const std::string device = dir.write("cn41.pem", device_with_cn(std::string(40, 'a') + "!"));
    const auto l = lint(config, device);
    CHECK(l.result.signal == 0);
    CHECK(l.result.exit_code == 1);
    CHECK(count(l.result.out, "\"device.cn-pattern\"") >= 1);
    CHECK(l.elapsed < time_limit);
    const auto b = batch(dir, config, device);
    CHECK(b.result.exit_code == 1);
    CHECK(b.elapsed < time_limit);
}

TEST_CASE("cn-pattern: 100,000 nested groups are refused with one line naming the place",
          "[cli][hostile][regex]") {
    const ScratchDir dir;
    const std::string config = dir.write(
        "config.json", pattern_config(std::string(100000, '(') + "a" + std::string(100000, ')')));
    const auto device = testdata("demo/devices/device-1.pem").string();
    for (const auto& r : {lint(config, device), batch(dir, config, device)}) {
        CHECK(r.result.signal == 0);
        CHECK(r.result.exit_code == 2);
        CHECK(r.result.out.empty());
        CHECK(r.result.err
              == "dpslint: " + config
                     + ":/options/device.cn-pattern/pattern: invalid regular expression: pattern "
                       "of 200001 bytes is longer than the limit of 1024\n");
        CHECK(r.elapsed < time_limit);
    }
}

TEST_CASE("cn-pattern: a syntax error is one line with the JSON pointer", "[cli][regex]") {
    const ScratchDir dir;
    const std::string config = dir.write("config.json", pattern_config("^device-(\\d+$"));
    const auto r = lint(config, testdata("demo/devices/device-1.pem").string());
    CHECK(r.result.exit_code == 2);
    CHECK(r.result.err
          == "dpslint: " + config
                 + ":/options/device.cn-pattern/pattern: invalid regular expression: missing "
                   "closing )\n");
}

}  // namespace regex_hostile_test
