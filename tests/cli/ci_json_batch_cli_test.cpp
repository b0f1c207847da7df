// The JSON of every command carries what the CI formats know of each finding (fingerprint,
// baseline state, fixed findings); batch findings about a certificate of a PEM bundle point at
// its BEGIN line; batch keeps a bounded number of findings for the CI formats with exact counts.

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

namespace ci_json_test {

namespace fs = std::filesystem;
using dpslint::test::read_text;
using dpslint::test::run_dpslint;
using dpslint::test::ScratchDir;
using dpslint::test::source_dir;
using nlohmann::json;

const char* const at = "2026-12-01T00:00:00Z";

const std::vector<std::string> all_devices{
    "testdata/demo/devices/device-1.pem",        "testdata/demo/devices/device-001.pem",
    "testdata/demo/devices/customer-a-0001.pem", "testdata/demo/devices/customer-a-0002.pem",
    "testdata/demo/devices/device-expired.pem",  "testdata/demo/devices/sensor-bad-cn.pem",
    "testdata/demo/devices/rogue-device.pem"};

// The demo devices without rogue-device.pem, whose findings are then new.
std::vector<std::string> fewer_devices() {
    return {all_devices.begin(), all_devices.end() - 1};
}

struct Run {
    int exit_code = -1;
    std::string out, err;
};

Run dpslint_run(const std::vector<std::string>& args) {
    const auto r = run_dpslint(args, source_dir().string());
    return {r.exit_code, r.out, r.err};
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<std::string> text_lines(const std::string& text) {
    std::vector<std::string> out;
    std::string::size_type start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        out.push_back(text.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

// The arguments of `command` on `devices` (batch-merge: of two shard reports written in `dir`).
std::vector<std::string> command_args(const std::string& command,
                                      const std::vector<std::string>& devices,
                                      const fs::path& dir) {
    if (command == "verify")
        return plus({"verify", "--trust", "testdata/demo/ca/my-root-ca.pem", "--untrusted",
                     "testdata/demo/ca/my-intermediate-ca.pem", "--at", at},
                    devices);
    if (command == "batch")
        return plus({"batch", "--snapshot", "testdata/demo/snapshot", "--at", at, "--quiet"},
                    devices);
    if (command == "batch-merge") {
        std::vector<std::string> args{"batch-merge", "--at", at};
        for (const char* shard : {"1/2", "2/2"}) {
            const fs::path report = dir
                                    / ("shard-" + std::to_string(devices.size()) + "-"
                                       + std::string(1, shard[0]) + ".jsonl");
            const Run r = dpslint_run(plus(command_args("batch", devices, dir),
                                           {"--shard", shard, "--report", report.string()}));
            INFO(r.err);
            REQUIRE(r.exit_code != 2);
            args.push_back(report.string());
        }
        return args;
    }
    return plus({command, "--snapshot", "testdata/demo/snapshot", "--at", at}, devices);
}

// Every finding of a JSON report: the elements of each array named findings or inputFindings.
void collect_findings(const json& value, std::vector<json>& out) {
    if (value.is_array()) {
        for (const auto& element : value)
            collect_findings(element, out);
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if ((it.key() == "findings" || it.key() == "inputFindings") && it->is_array()) {
                out.insert(out.end(), it->begin(), it->end());
            } else {
                collect_findings(*it, out);
            }
        }
    }
}

// The findings of a run's JSON and, for batch and batch-merge, of its JSON Lines report.
std::vector<json> json_findings(const std::vector<std::string>& args, const fs::path& dir,
                                const std::vector<std::string>& extra = {}) {
    const bool batch = args[0] == "batch" || args[0] == "batch-merge";
    const fs::path report = dir / (args[0] + "-report.jsonl");
    auto full = plus(args, plus({"--format", "json"}, extra));
    if (batch)
        full = plus(full, {"--report", report.string()});
    const Run r = dpslint_run(full);
    INFO(r.err);
    REQUIRE(r.exit_code != 2);
    std::vector<json> out;
    collect_findings(json::parse(r.out), out);
    if (batch) {
        for (const auto& line : text_lines(read_text(report)))
            collect_findings(json::parse(line), out);
    }
    return out;
}

// Each SARIF result's dpslint fingerprint with its rule.
std::map<std::string, std::string> sarif_fingerprints(const std::vector<std::string>& args) {
    const Run r = dpslint_run(plus(args, {"--format", "sarif"}));
    REQUIRE(r.exit_code != 2);
    std::map<std::string, std::string> out;
    const json log = json::parse(r.out);
    for (const auto& result : log.at("runs").at(0).at("results"))
        out[result.at("partialFingerprints").at("dpslintFingerprint/v1")] = result.at("ruleId");
    return out;
}

}  // namespace ci_json_test

using namespace ci_json_test;

TEST_CASE("every command's JSON gives each finding its SARIF fingerprint", "[ci-formats]") {
    ScratchDir scratch("ci-json-fingerprints");
    for (const char* command : {"lint", "verify", "simulate", "batch", "batch-merge"}) {
        INFO(command);
        const auto args = command_args(command, all_devices, scratch.path());
        const auto sarif = sarif_fingerprints(args);
        const auto findings = json_findings(args, scratch.path());
        REQUIRE(!findings.empty());
        std::set<std::string> seen;
        for (const auto& f : findings) {
            INFO(f.dump());
            REQUIRE(f.contains("fingerprint"));
            const auto it = sarif.find(f.at("fingerprint").get<std::string>());
            REQUIRE(it != sarif.end());
            CHECK(it->second == f.at("rule"));
            seen.insert(it->first);
        }
        // And every SARIF result is a finding of the JSON (batch: with its report).
        CHECK(seen.size() == sarif.size());
    }
}

TEST_CASE("with a baseline every command's JSON has baselineState and the fixed findings",
          "[ci-formats]") {
    ScratchDir scratch("ci-json-baseline");
    for (const char* command : {"lint", "verify", "simulate", "batch", "batch-merge"}) {
        INFO(command);
        const auto all = command_args(command, all_devices, scratch.path());
        const auto fewer = command_args(command, fewer_devices(), scratch.path());
        const fs::path full_baseline = scratch / (std::string(command) + "-all.json");
        const fs::path partial_baseline = scratch / (std::string(command) + "-fewer.json");
        REQUIRE(dpslint_run(plus(all, {"--write-baseline", full_baseline.string()})).exit_code
                != 2);
        REQUIRE(dpslint_run(plus(fewer, {"--write-baseline", partial_baseline.string()})).exit_code
                != 2);

        // All devices against the baseline of fewer: states on the JSON's own findings (batch:
        // and on those of its report, written as the batch streams).
        const fs::path report = scratch / (std::string(command) + "-states.jsonl");
        auto with_baseline =
            plus(all, {"--format", "json", "--baseline", partial_baseline.string()});
        if (std::string(command) == "batch")
            with_baseline = plus(with_baseline, {"--report", report.string()});
        const Run r = dpslint_run(with_baseline);
        REQUIRE(r.exit_code != 2);
        const json doc = json::parse(r.out);
        std::vector<json> own;
        collect_findings(doc, own);
        if (std::string(command) == "batch") {
            for (const auto& line : text_lines(read_text(report)))
                collect_findings(json::parse(line), own);
        }
        REQUIRE(!own.empty());
        std::set<std::string> states;
        for (const auto& f : own) {
            INFO(f.dump());
            REQUIRE(f.contains("baselineState"));
            states.insert(f.at("baselineState").get<std::string>());
        }
        CHECK(states.count("unchanged") == 1);
        // rogue-device.pem's (batch-merge: its JSON lists only the cross-batch findings).
        if (std::string(command) != "batch-merge")
            CHECK(states.count("new") == 1);
        CHECK(doc.at("summary").at("baseline").at("new").get<std::size_t>() > 0);
        CHECK(doc.at("fixed").is_array());
        CHECK(doc.at("summary").at("baseline").at("fixed") == doc.at("fixed").size());

        // Fewer devices against the baseline of all: rogue-device.pem's findings are fixed.
        const Run f =
            dpslint_run(plus(fewer, {"--format", "json", "--baseline", full_baseline.string()}));
        REQUIRE(f.exit_code != 2);
        const json fixed_doc = json::parse(f.out);
        const auto& fixed = fixed_doc.at("fixed");
        REQUIRE(!fixed.empty());
        const std::string baseline_text = read_text(full_baseline);
        for (const auto& entry : fixed) {
            INFO(entry.dump());
            CHECK(entry.at("baselineState") == "absent");
            CHECK(baseline_text.find(entry.at("fingerprint").get<std::string>())
                  != std::string::npos);
        }
        CHECK(fixed_doc.at("summary").at("baseline").at("fixed") == fixed.size());
    }
}

TEST_CASE("batch findings about a certificate of a PEM bundle carry its BEGIN line",
          "[ci-formats][batch]") {
    ScratchDir scratch("ci-batch-pem-lines");
    // Two devices, each with its intermediate, between text lines.
    const std::string bundle_text =
        "# a factory bundle\n\n"
        + read_text(source_dir() / "testdata/demo/devices/device-expired.pem") + "between\n"
        + read_text(source_dir() / "testdata/demo/devices/sensor-bad-cn.pem");
    const fs::path bundle = scratch.write("bundle.pem", bundle_text);
    std::vector<std::size_t> begin_lines;
    const auto lines = text_lines(bundle_text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i] == "-----BEGIN CERTIFICATE-----")
            begin_lines.push_back(i + 1);
    }
    REQUIRE(begin_lines.size() == 4);

    const fs::path report = scratch / "report.jsonl";
    const fs::path sarif_file = scratch / "batch.sarif";
    const Run r =
        dpslint_run({"batch", "--snapshot", "testdata/demo/snapshot", "--at", at, "--quiet",
                     "--report", report.string(), "--output", "sarif=" + sarif_file.string(),
                     "--format", "github", bundle.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 1);

    // The report: each device's findings at the BEGIN line of the certificate it is.
    std::map<std::string, std::size_t> line_of;  // by fingerprint
    std::set<std::size_t> devices;
    for (const auto& text : text_lines(read_text(report))) {
        const json line = json::parse(text);
        const auto index = line.at("certificateIndex").get<std::size_t>();
        devices.insert(index);
        REQUIRE(!line.at("findings").empty());
        for (const auto& f : line.at("findings")) {
            INFO(f.dump());
            REQUIRE(f.contains("line"));
            CHECK(f.at("line") == begin_lines.at(index));
            line_of[f.at("fingerprint")] = f.at("line");
        }
    }
    CHECK(devices == std::set<std::size_t>{0, 2});

    // SARIF: the same line for the same finding.
    const json log = json::parse(read_text(sarif_file));
    std::size_t located = 0;
    for (const auto& result : log.at("runs").at(0).at("results")) {
        const auto it = line_of.find(result.at("partialFingerprints").at("dpslintFingerprint/v1"));
        if (it == line_of.end())
            continue;  // the batch-wide findings
        INFO(result.dump());
        CHECK(result.at("locations").at(0).at("physicalLocation").at("region").at("startLine")
              == it->second);
        ++located;
    }
    CHECK(located == line_of.size());
    // GitHub annotations name the line too.
    CHECK(r.out.find(",line=" + std::to_string(begin_lines[0]) + ",") != std::string::npos);
    CHECK(r.out.find(",line=" + std::to_string(begin_lines[2]) + ",") != std::string::npos);

    // batch-merge keeps the lines of the report.
    const Run merged =
        dpslint_run({"batch-merge", "--at", at, "--format", "sarif", report.string()});
    REQUIRE(merged.exit_code == 1);
    std::size_t merged_lines = 0;
    const json merged_log = json::parse(merged.out);
    for (const auto& result : merged_log.at("runs").at(0).at("results")) {
        const auto& location = result.at("locations").at(0);
        if (location.contains("physicalLocation")
            && location["physicalLocation"].contains("region"))
            ++merged_lines;
    }
    CHECK(merged_lines == line_of.size());
}

TEST_CASE("batch --max-ci-results caps what the CI formats hold, counts and exit stay exact",
          "[ci-formats][batch]") {
    ScratchDir scratch("ci-batch-cap");
    const auto args = command_args("batch", all_devices, scratch.path());
    const auto capped = plus(args, {"--max-ci-results", "1"});
    const auto format = [](std::vector<std::string> a, const char* f) {
        return plus(std::move(a), {"--format", f});
    };

    const Run full_sarif = dpslint_run(format(args, "sarif"));
    const Run cap_sarif = dpslint_run(format(capped, "sarif"));
    INFO(cap_sarif.err);
    REQUIRE(full_sarif.exit_code == 1);
    CHECK(cap_sarif.exit_code == 1);
    const auto total = json::parse(full_sarif.out).at("runs").at(0).at("results").size();
    const json cap_run = json::parse(cap_sarif.out).at("runs").at(0);
    const auto shown = cap_run.at("results").size();
    CHECK(shown < total);
    const std::string note = cap_run.at("invocations")
                                 .at(0)
                                 .at("toolExecutionNotifications")
                                 .at(0)
                                 .at("message")
                                 .at("text");
    CHECK(note.find(std::to_string(total - shown) + " of " + std::to_string(total)
                    + " results left out")
          == 0);
    CHECK(note.find("--max-ci-results") != std::string::npos);

    // Markdown: the counts by severity and by rule are those of the whole run.
    const std::string full_md = dpslint_run(format(args, "markdown")).out;
    const std::string cap_md = dpslint_run(format(capped, "markdown")).out;
    const auto section = [](const std::string& md, const std::string& from, const std::string& to) {
        const auto a = md.find(from);
        return a == std::string::npos ? std::string() : md.substr(a, md.find(to, a) - a);
    };
    CHECK(section(cap_md, "**", "\n") == section(full_md, "**", "\n"));
    CHECK(section(cap_md, "### Findings by rule", "###")
          == section(full_md, "### Findings by rule", "###"));
    CHECK(cap_md.find("--max-ci-results") != std::string::npos);

    // JUnit: one test case for the files not listed, saying how many fail.
    const std::string junit = dpslint_run(format(capped, "junit")).out;
    CHECK(
        std::regex_search(junit, std::regex(R"(\d+ device file\(s\), [1-9]\d* of them failing)")));
    CHECK(junit.find("<failure type=\"dpslint.omitted\"") != std::string::npos);

    // Azure: the step fails and says what was not logged.
    const Run azure = dpslint_run(format(capped, "azure"));
    CHECK(azure.exit_code == 1);
    CHECK(azure.out.find("##vso[task.complete result=Failed;]") != std::string::npos);
    CHECK(azure.out.find("--max-ci-results") != std::string::npos);

    // The same bytes whatever the number of workers.
    for (const char* f : {"sarif", "junit", "markdown", "github"}) {
        INFO(f);
        CHECK(dpslint_run(plus(format(capped, f), {"--jobs", "1"})).out
              == dpslint_run(plus(format(capped, f), {"--jobs", "3"})).out);
    }

    // Baselines: every finding by fingerprint, and the exit status from all of them.
    const fs::path full_baseline = scratch / "full.json";
    const fs::path cap_baseline = scratch / "cap.json";
    REQUIRE(dpslint_run(plus(args, {"--write-baseline", full_baseline.string()})).exit_code == 1);
    REQUIRE(dpslint_run(plus(capped, {"--write-baseline", cap_baseline.string()})).exit_code == 1);
    const auto fingerprints = [](const fs::path& file) {
        std::set<std::string> out;
        const json baseline = json::parse(read_text(file));
        for (const auto& e : baseline.at("findings"))
            out.insert(e.at("fingerprint").get<std::string>());
        return out;
    };
    CHECK(fingerprints(cap_baseline) == fingerprints(full_baseline));
    CHECK(dpslint_run(plus(capped, {"--baseline", cap_baseline.string()})).exit_code == 0);
    // rogue-device.pem, last and so not kept, is new against a baseline without it: exit 1.
    const fs::path fewer_baseline = scratch / "fewer.json";
    REQUIRE(dpslint_run(plus(command_args("batch", fewer_devices(), scratch.path()),
                             {"--write-baseline", fewer_baseline.string()}))
                .exit_code
            == 1);
    const Run against =
        dpslint_run(plus(capped, {"--baseline", fewer_baseline.string(), "--format", "json"}));
    CHECK(against.exit_code == 1);
    CHECK(json::parse(against.out).at("summary").at("baseline").at("new").get<std::size_t>() > 0);
}

TEST_CASE("diff JSON findings carry their SARIF fingerprint, line and baseline state",
          "[ci-formats][diff]") {
    ScratchDir scratch("ci-json-diff");
    const auto args = plus({"diff", "--before", "testdata/demo/snapshot", "--after",
                            "testdata/demo/diff/after", "--at", at},
                           all_devices);
    const auto sarif = sarif_fingerprints(args);
    const auto own_findings = [](const json& doc) {
        std::vector<json> out = doc.at("findings");
        for (const auto& f : doc.at("lint").at("introduced"))
            out.push_back(f);
        return out;
    };

    const Run plain = dpslint_run(plus(args, {"--format", "json"}));
    REQUIRE(plain.exit_code != 2);
    const auto findings = own_findings(json::parse(plain.out));
    REQUIRE(!findings.empty());
    std::set<std::string> seen;
    for (const auto& f : findings) {
        INFO(f.dump());
        REQUIRE(f.contains("fingerprint"));
        CHECK(!f.contains("baselineState"));
        const auto it = sarif.find(f.at("fingerprint").get<std::string>());
        REQUIRE(it != sarif.end());
        CHECK(it->second == f.at("rule"));
        seen.insert(it->first);
        if (f.at("location").contains("jsonPointer"))
            CHECK(f.at("location").at("line").get<int>() > 0);
    }
    CHECK(seen.size() == sarif.size());

    const fs::path baseline = scratch / "diff-baseline.json";
    REQUIRE(dpslint_run(plus(args, {"--write-baseline", baseline.string()})).exit_code != 2);
    const Run again =
        dpslint_run(plus(args, {"--format", "json", "--baseline", baseline.string()}));
    INFO(again.err);
    CHECK(again.exit_code == 0);
    const json doc = json::parse(again.out);
    for (const auto& f : own_findings(doc))
        CHECK(f.at("baselineState") == "unchanged");
    CHECK(doc.at("fixed").empty());
    CHECK(doc.at("summary").at("baseline")
          == json{{"unchanged", findings.size()}, {"new", 0}, {"fixed", 0}});
}
