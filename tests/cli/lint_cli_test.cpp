// dpslint lint, rules and explain as a CI job runs them: exit status by --fail-on, the
// configuration file, and bad input.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::testdata;

namespace lint_cli_test {

namespace {

const std::string demo = testdata("demo").string();

std::vector<std::string> demo_lint(std::vector<std::string> extra) {
    std::vector<std::string> args{"lint",
                                  "--snapshot",
                                  "snapshot",
                                  "--at",
                                  "2026-12-01T00:00:00Z",
                                  "devices/device-1.pem",
                                  "devices/sensor-bad-cn.pem"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// A scratch directory for config files, removed at the end of the test.
struct Scratch {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("dpslint-lint-cli-" + std::to_string(::getpid()));
    Scratch() { std::filesystem::create_directories(dir); }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        const auto path = dir / name;
        std::ofstream(path) << text;
        return path.string();
    }
};

bool has_rule(const nlohmann::json& report, const std::string& id) {
    for (const auto& f : report.at("findings")) {
        if (f.at("rule") == id)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE("lint: --fail-on decides the exit status, not the findings", "[cli][lint]") {
    const auto failing = run_dpslint(demo_lint({"--format", "json"}), demo);
    INFO(failing.err);
    REQUIRE(failing.exit_code == 1);
    const auto report = nlohmann::json::parse(failing.out);
    CHECK(has_rule(report, "device.cn-invalid"));
    CHECK(report.at("summary").at("failed") == true);

    const auto never = run_dpslint(demo_lint({"--format", "json", "--fail-on", "never"}), demo);
    CHECK(never.exit_code == 0);
    CHECK(nlohmann::json::parse(never.out).at("findings") == report.at("findings"));

    const auto bad = run_dpslint(demo_lint({"--fail-on", "sometimes"}), demo);
    CHECK(bad.exit_code == 2);
}

TEST_CASE("lint: --disable by glob removes a category's findings", "[cli][lint]") {
    const auto r = run_dpslint(demo_lint({"--format", "json", "--disable", "device.*"}), demo);
    INFO(r.err);
    const auto report = nlohmann::json::parse(r.out);
    for (const auto& f : report.at("findings"))
        CHECK(f.at("rule").get<std::string>().rfind("device.", 0) != 0);
    for (const auto& id : report.at("rulesRun"))
        CHECK(id.get<std::string>().rfind("device.", 0) != 0);
}

TEST_CASE("lint: a configuration file overrides severities and suppresses with a reason",
          "[cli][lint]") {
    const Scratch scratch;
    const auto config = scratch.write("dpslint.json", R"({
        "severity": {"device.cn-invalid": "notice"},
        "suppressions": [{"rule": "enrollment.duplicate-ca", "reason": "split planned, IOT-7"}]
    })");
    const auto r = run_dpslint(demo_lint({"--format", "json", "--config", config}), demo);
    INFO(r.err);
    const auto report = nlohmann::json::parse(r.out);
    bool seen = false;
    for (const auto& f : report.at("findings")) {
        if (f.at("rule") == "device.cn-invalid") {
            seen = true;
            CHECK(f.at("severity") == "notice");
        }
    }
    CHECK(seen);
    CHECK_FALSE(has_rule(report, "enrollment.duplicate-ca"));
    REQUIRE(report.at("suppressed").size() >= 1);
    CHECK(report.at("suppressed").at(0).at("rule") == "enrollment.duplicate-ca");
}

TEST_CASE("lint: a bad configuration is one line naming the file and pointer, exit 2",
          "[cli][lint]") {
    const Scratch scratch;
    const auto config =
        scratch.write("bad.json", R"({"options": {"device.cn-pattern": {"patern": "^dev-"}}})");
    const auto r = run_dpslint(demo_lint({"--config", config}), demo);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("bad.json") != std::string::npos);
    CHECK(r.err.find("/options/device.cn-pattern") != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);
}

TEST_CASE("lint: a missing snapshot is exit 2", "[cli][lint]") {
    const auto r =
        run_dpslint({"lint", "--snapshot", "no-such-dir", "--at", "2026-12-01T00:00:00Z"}, demo);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no-such-dir") != std::string::npos);
}

TEST_CASE("rules and explain describe every rule", "[cli][rules]") {
    const auto list = run_dpslint({"rules", "--format", "json"});
    REQUIRE(list.exit_code == 0);
    const auto rules = nlohmann::json::parse(list.out).at("rules");
    CHECK(rules.size() >= 74);
    for (const auto& rule : rules) {
        for (const char* key : {"id", "title", "severity", "category", "citation"})
            CHECK_FALSE(rule.at(key).get<std::string>().empty());
    }

    const auto explain = run_dpslint({"explain", "enrollment.ca-is-root"});
    CHECK(explain.exit_code == 0);
    CHECK(explain.out.find("enrollment.ca-is-root") != std::string::npos);
    CHECK(explain.out.find("learn.microsoft.com") != std::string::npos);

    const auto unknown = run_dpslint({"explain", "no.such-rule"});
    CHECK(unknown.exit_code == 2);
    CHECK_FALSE(unknown.err.empty());

    const auto example = run_dpslint({"rules", "--example-config"});
    CHECK(example.exit_code == 0);
    CHECK_NOTHROW(nlohmann::json::parse(example.out));
}

}  // namespace lint_cli_test
