// dpslint lint, the real binary, on testdata/lint/broken-snapshot: a snapshot that breaks every
// snapshot-scope rule at once. The rule, severity and location of every finding (no messages, so
// rewording a message does not break it) must equal testdata/lint/broken-snapshot.golden.json.
// scripts/update-lint-golden.sh rewrites the golden file through this test
// (DPSLINT_UPDATE_GOLDEN=1) after an intentional change; review its diff.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::source_dir;

namespace lint_golden_test {

namespace {

const std::string golden_file = "testdata/lint/broken-snapshot.golden.json";
const std::string regenerate_command = "scripts/update-lint-golden.sh";

// Run from the repository root with relative paths, so locations hold no machine-specific path.
// device-1.pem is there for the rules that need device certificates
// (individual.blocklist-no-effect, individual.overrides-group); the config lowers the ca.limit
// and enrollment.limit quotas so that a small fixture exceeds them; the CRL revokes the CA of
// group g-ca-revoked (ca.revoked needs --crl).
const std::vector<std::string> golden_arguments{"lint",
                                                "--snapshot",
                                                "testdata/lint/broken-snapshot",
                                                "--config",
                                                "testdata/lint/broken-snapshot.config.json",
                                                "--at",
                                                "2026-12-01T00:00:00Z",
                                                "--crl",
                                                "testdata/rules/revocation/"
                                                "root-revokes-intermediate.crl.pem",
                                                "--format",
                                                "json",
                                                "testdata/demo/devices/device-1.pem"};

std::string command_line(const std::vector<std::string>& args) {
    std::string out = "dpslint";
    for (const auto& a : args)
        out += " " + a;
    return out;
}

nlohmann::json run_json(const std::vector<std::string>& args, int expected_exit) {
    const auto r = run_dpslint(args, source_dir().string());
    INFO(command_line(args));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == expected_exit);
    return nlohmann::json::parse(r.out);
}

// What the golden file compares: rule, severity and location, in that key order for the file.
nlohmann::ordered_json project(const nlohmann::json& finding) {
    nlohmann::ordered_json out;
    out["rule"] = finding.at("rule");
    out["severity"] = finding.at("severity");
    out["location"] = finding.at("location");
    return out;
}

std::tuple<std::string, std::string, std::string> sort_key(const nlohmann::ordered_json& f) {
    // Locations compare by their content, whatever the key order they were read in.
    return {f.at("rule").get<std::string>(), f.at("severity").get<std::string>(),
            nlohmann::json(f.at("location")).dump()};
}

std::vector<nlohmann::ordered_json> sorted_projection(const nlohmann::json& findings) {
    std::vector<nlohmann::ordered_json> out;
    for (const auto& f : findings)
        out.push_back(project(f));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return sort_key(a) < sort_key(b); });
    return out;
}

// One finding per line: a changed finding is a one-line diff.
std::string golden_text(const std::vector<nlohmann::ordered_json>& findings) {
    std::string out = "[\n";
    for (std::size_t i = 0; i < findings.size(); ++i)
        out += "  " + findings[i].dump() + (i + 1 < findings.size() ? ",\n" : "\n");
    return out + "]\n";
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool same_finding(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
    return nlohmann::json(a) == nlohmann::json(b);
}

std::string describe(const std::vector<nlohmann::ordered_json>& findings, std::size_t i) {
    return i < findings.size() ? findings[i].dump() : std::string("(none)");
}

}  // namespace

TEST_CASE("lint golden: a snapshot breaking every snapshot rule gives exactly the golden findings",
          "[cli][lint][golden]") {
    const auto report = run_json(golden_arguments, 1);
    const auto actual = sorted_projection(report.at("findings"));
    const std::string golden_path = (source_dir() / golden_file).string();

    if (const char* update = std::getenv("DPSLINT_UPDATE_GOLDEN");
        update != nullptr && std::string(update) == "1") {
        std::ofstream(golden_path, std::ios::binary | std::ios::trunc) << golden_text(actual);
        WARN("rewrote " << golden_file << " (" << actual.size() << " findings)");
    }

    const std::string text = read_text(golden_path);
    REQUIRE_FALSE(text.empty());
    const auto golden = sorted_projection(nlohmann::json::parse(text));

    // The first difference in sorted order, with the command that rewrites the file.
    std::size_t first = 0;
    while (first < actual.size() && first < golden.size()
           && same_finding(actual[first], golden[first]))
        ++first;
    if (first < actual.size() || first < golden.size()) {
        FAIL_CHECK("findings differ from "
                   << golden_file << " (" << actual.size() << " findings, golden " << golden.size()
                   << ") at sorted position " << first << ":\n  expected: "
                   << describe(golden, first) << "\n  actual:   " << describe(actual, first)
                   << "\nafter an intentional change run " << regenerate_command
                   << " and review the diff of " << golden_file
                   << "\ncommand: " << command_line(golden_arguments));
    }
    CHECK(actual.size() == golden.size());
    // The file is kept in the order the script writes, so its diffs stay small.
    CHECK(text == golden_text(golden));
}

TEST_CASE("lint golden: every snapshot-scope rule fires and applies", "[cli][lint][golden]") {
    const auto report = run_json(golden_arguments, 1);
    const auto catalogue = run_json({"rules", "--format", "json"}, 0);

    std::set<std::string> fired;
    for (const auto& f : report.at("findings"))
        fired.insert(f.at("rule").get<std::string>());

    std::vector<std::string> snapshot_rules;
    std::vector<std::string> silent;
    for (const auto& rule : catalogue.at("rules")) {
        // The diff.* rules need a change (two snapshots): `dpslint diff` reports them.
        if (rule.at("scope") != "snapshot" || rule.at("checkedBy") != "lint")
            continue;
        const auto id = rule.at("id").get<std::string>();
        snapshot_rules.push_back(id);
        if (fired.count(id) == 0)
            silent.push_back(id);
    }
    REQUIRE_FALSE(snapshot_rules.empty());
    INFO(
        "snapshot-scope rules that did not fire on testdata/lint/broken-snapshot; add an entry "
        "that breaks each (and a line in testdata/lint/README.md), then run "
        << regenerate_command);
    CHECK(silent == std::vector<std::string>{});

    CHECK(report.at("rulesNotApplicable") == nlohmann::json::array());
    CHECK(report.at("summary").at("failed") == true);
}

TEST_CASE("lint: the demo snapshot and devices, text and stable JSON", "[cli][lint][golden]") {
    std::vector<std::string> args{"lint", "--snapshot", "testdata/demo/snapshot", "--at",
                                  "2026-12-01T00:00:00Z"};
    for (const char* device :
         {"customer-a-0001", "customer-a-0002", "device-001", "device-1", "device-2",
          "device-expired", "rogue-device", "sensor-042", "sensor-bad-cn"}) {
        args.push_back("testdata/demo/devices/" + std::string(device) + ".pem");
    }
    const std::string cwd = source_dir().string();

    const auto text = run_dpslint(args, cwd);
    INFO("stderr: " << text.err);
    CHECK(text.exit_code == 1);
    std::vector<std::string> lines;
    std::istringstream stream(text.out);
    for (std::string line; std::getline(stream, line);)
        lines.push_back(line);
    const auto has_line = [&](auto predicate) {
        return std::any_of(lines.begin(), lines.end(), predicate);
    };
    CHECK(has_line([](const std::string& l) { return l.rfind("summary:", 0) == 0; }));
    CHECK(has_line([](const std::string& l) { return l == "enrollment group 'sensor-devices'"; }));

    args.insert(args.end(), {"--format", "json"});
    const auto first = run_dpslint(args, cwd);
    const auto second = run_dpslint(args, cwd);
    CHECK(first.exit_code == 1);
    CHECK_FALSE(first.out.empty());
    CHECK(first.out == second.out);
}

}  // namespace lint_golden_test
