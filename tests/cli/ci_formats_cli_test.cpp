// The CI formats of `dpslint lint` (SARIF, JUnit, GitHub and Azure Pipelines annotations,
// Markdown summary), source positions, fingerprints and baselines, through the real binary on the
// demo data and the lint golden snapshot. SARIF is validated against the OASIS SARIF 2.1.0 JSON
// schema and JUnit against the Jenkins xUnit plugin's JUnit XSD (testdata/schemas/, README there)
// with python3-jsonschema and xmllint: checking against the official schemas beats writing a
// validator.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/resource_bounds.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

namespace ci_formats_cli_test {

using dpslint::test::binary_under_test;
using dpslint::test::read_text;
using dpslint::test::run_dpslint;
using dpslint::test::run_process;
using dpslint::test::ScratchDir;
using dpslint::test::source_dir;

namespace fs = std::filesystem;

namespace {

const std::string at = "2026-12-01T00:00:00Z";

// The lint golden run (tests/cli/lint_golden_test.cpp) with another snapshot.
std::vector<std::string> golden_args(const std::string& snapshot) {
    return {"lint",
            "--snapshot",
            snapshot,
            "--config",
            "testdata/lint/broken-snapshot.config.json",
            "--at",
            at,
            "--crl",
            "testdata/rules/revocation/root-revokes-intermediate.crl.pem",
            "testdata/demo/devices/device-1.pem"};
}

std::vector<std::string> demo_args(const std::string& snapshot) {
    std::vector<std::string> args{"lint", "--snapshot", snapshot, "--at", at};
    for (const char* device : {"customer-a-0001.pem", "device-1.pem", "device-expired.pem",
                               "rogue-device.pem", "sensor-bad-cn.pem"})
        args.push_back("testdata/demo/devices/" + std::string(device));
    return args;
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

struct Run {
    int exit_code = 0;
    std::string out;
    std::string err;
};

Run lint(const std::vector<std::string>& args) {
    const auto r = run_dpslint(args, source_dir().string());
    return {r.exit_code, r.out, r.err};
}

nlohmann::json lint_json(const std::vector<std::string>& args) {
    const Run r = lint(with(args, {"--format", "json"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code != 2);
    return nlohmann::json::parse(r.out);
}

void reverse_arrays(nlohmann::ordered_json& value) {
    if (value.is_array())
        std::reverse(value.begin(), value.end());
    if (value.is_structured()) {
        for (auto& child : value)
            reverse_arrays(child);
    }
}

// A copy of a snapshot directory; each JSON file passed through `edit` (file name, document).
template <typename Edit>
void copy_snapshot(const fs::path& from, const fs::path& to, Edit edit) {
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        const fs::path target = to / fs::relative(entry.path(), from);
        if (entry.is_directory()) {
            fs::create_directories(target);
            continue;
        }
        fs::create_directories(target.parent_path());
        if (entry.path().extension() == ".json") {
            auto document = nlohmann::ordered_json::parse(read_text(entry.path()));
            edit(entry.path().filename().string(), document);
            std::ofstream(target) << document.dump(2) << "\n";
        } else {
            fs::copy_file(entry.path(), target);
        }
    }
}

std::multiset<std::string> fingerprints(const nlohmann::json& report) {
    std::multiset<std::string> out;
    for (const auto& f : report.at("findings"))
        out.insert(f.at("rule").get<std::string>() + " " + f.at("fingerprint").get<std::string>());
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

void require_valid_sarif(const fs::path& file) {
    const std::string script =
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "log = json.load(open(sys.argv[2]))\n"
        "cls = jsonschema.validators.validator_for(schema)\n"
        "errors = sorted(cls(schema).iter_errors(log), key=str)\n"
        "for e in errors[:5]: print(list(e.absolute_path), e.message[:300])\n"
        "sys.exit(1 if errors else 0)\n";
    const auto r = run_process(
        {"/usr/bin/python3", "-c", script,
         (source_dir() / "testdata/schemas/sarif-schema-2.1.0.json").string(), file.string()});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
}

void require_valid_junit(const fs::path& file) {
    const auto r =
        run_process({"/usr/bin/xmllint", "--noout", "--schema",
                     (source_dir() / "testdata/schemas/junit-10.xsd").string(), file.string()});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
}

// The first character of the value at `pointer` (or its nearest existing ancestor).
char first_character(const nlohmann::json& document, std::string pointer) {
    while (!document.contains(nlohmann::json::json_pointer(pointer)))
        pointer = pointer.substr(0, pointer.rfind('/'));
    const auto& v = document.at(nlohmann::json::json_pointer(pointer));
    if (v.is_object())
        return '{';
    if (v.is_array())
        return '[';
    if (v.is_string())
        return '"';
    if (v.is_null())
        return 'n';
    if (v.is_boolean())
        return v.get<bool>() ? 't' : 'f';
    const std::string number = v.dump();
    return number[0];
}

// Every finding located in a JSON export has the line and column where its value starts.
void require_positions(const nlohmann::json& report, const fs::path& cwd) {
    std::size_t checked = 0;
    for (const auto& f : report.at("findings")) {
        const auto& l = f.at("location");
        if (!l.contains("file") || fs::path(l.at("file").get<std::string>()).extension() != ".json")
            continue;
        INFO(f.dump());
        REQUIRE(l.contains("line"));
        REQUIRE(l.contains("column"));
        REQUIRE(l.contains("endLine"));
        REQUIRE(l.contains("endColumn"));
        const fs::path file = cwd / l.at("file").get<std::string>();
        const std::string text = read_text(file);
        const auto lines = lines_of(text);
        const std::size_t line = l.at("line");
        const std::size_t column = l.at("column");
        REQUIRE(line >= 1);
        REQUIRE(line <= lines.size());
        REQUIRE(column >= 1);
        REQUIRE(column <= lines[line - 1].size());
        const std::string pointer = l.value("jsonPointer", "");
        CHECK(lines[line - 1][column - 1] == first_character(nlohmann::json::parse(text), pointer));
        ++checked;
    }
    REQUIRE(checked > 0);
}

// A consumer's unescaping: each escape sequence replaced by its character, in table order.
std::string undo(std::string s, const std::vector<std::pair<std::string, std::string>>& table) {
    for (const auto& [from, to] : table) {
        for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos;) {
            s.replace(pos, from.size(), to);
            pos += to.size();
        }
    }
    return s;
}

// @actions/core's escaping undone, as the runner does.
std::string github_unescape(const std::string& s) {
    return undo(s, {{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}});
}

// The Azure Pipelines agent's.
std::string azure_unescape(const std::string& s) {
    return undo(s, {{"%3B", ";"}, {"%0D", "\r"}, {"%0A", "\n"}, {"%5D", "]"}, {"%AZP25", "%"}});
}

std::map<std::string, std::string> split_properties(const std::string& text, char separator) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = std::min(text.find(separator, pos), text.size());
        const std::string item = text.substr(pos, end - pos);
        const auto eq = item.find('=');
        if (eq != std::string::npos)
            out[item.substr(0, eq)] = item.substr(eq + 1);
        pos = end + 1;
    }
    return out;
}

std::size_t unescaped_pipes(const std::string& line) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        n += line[i] == '|' ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE("lint writes every CI format, SARIF and JUnit valid against their schemas",
          "[ci-formats]") {
    ScratchDir scratch("ci-formats");
    for (const auto& args :
         {demo_args("testdata/demo/snapshot"), golden_args("testdata/lint/broken-snapshot")}) {
        const fs::path sarif = scratch / "out.sarif";
        const fs::path junit = scratch / "out.xml";
        const fs::path github = scratch / "github.txt";
        const fs::path azure = scratch / "azure.txt";
        const fs::path markdown = scratch / "summary.md";
        const fs::path json = scratch / "out.json";
        const Run r = lint(with(
            args,
            {"--output", "sarif=" + sarif.string(), "--output", "junit=" + junit.string(),
             "--output", "github=" + github.string(), "--output", "azure=" + azure.string(),
             "--output", "markdown=" + markdown.string(), "--output", "json=" + json.string()}));
        INFO(r.err);
        REQUIRE(r.exit_code != 2);
        require_valid_sarif(sarif);
        require_valid_junit(junit);

        const auto report = nlohmann::json::parse(read_text(json));
        const auto log = nlohmann::json::parse(read_text(sarif));
        const auto& run = log.at("runs").at(0);
        REQUIRE(run.at("columnKind") == "utf16CodeUnits");
        const auto& rules = run.at("tool").at("driver").at("rules");
        const auto& results = run.at("results");
        REQUIRE(results.size() == report.at("findings").size());
        for (std::size_t i = 0; i < results.size(); ++i) {
            const auto& result = results[i];
            const auto& finding = report.at("findings")[i];
            INFO(result.dump());
            CHECK(rules.at(result.at("ruleIndex").get<std::size_t>()).at("id")
                  == result.at("ruleId"));
            CHECK(result.at("partialFingerprints").at("primaryLocationLineHash")
                  == finding.at("fingerprint").get<std::string>() + ":1");
            const auto& l = finding.at("location");
            if (l.contains("line")) {
                const auto& region = result.at("locations")[0].at("physicalLocation").at("region");
                CHECK(region.at("startLine") == l.at("line"));
                if (l.contains("column")) {
                    CHECK(region.at("startColumn") == l.at("column"));
                    CHECK(region.at("endLine") == l.at("endLine"));
                    CHECK(region.at("endColumn") == l.at("endColumn"));
                }
                CHECK(result.at("locations")[0]
                          .at("physicalLocation")
                          .at("artifactLocation")
                          .at("uri")
                      == l.at("file"));
            }
        }
        require_positions(report, source_dir());

        // The same run on stdout gives the same documents.
        CHECK(lint(with(args, {"--format", "sarif"})).out == read_text(sarif));
        CHECK(lint(with(args, {"--format", "junit"})).out == read_text(junit));

        const std::string gh = read_text(github);
        std::size_t errors = 0, warnings = 0;
        for (const auto& line : lines_of(gh)) {
            INFO(line);
            REQUIRE(std::regex_search(line, std::regex("^::(error|warning|notice) ")));
            errors += line.rfind("::error ", 0) == 0;
            warnings += line.rfind("::warning ", 0) == 0;
        }
        CHECK(errors <= 10);
        CHECK(warnings <= 10);
        const auto az = lines_of(read_text(azure));
        REQUIRE(!az.empty());
        CHECK(az.back().rfind("##vso[task.complete ", 0) == 0);
        CHECK(az.back().find(r.exit_code == 0 ? "result=Succeeded" : "result=Failed;]")
              != std::string::npos);
        const std::string md = read_text(markdown);
        CHECK(md.find("## dpslint lint: ") == 0);
        CHECK(md.find("```mermaid\nflowchart LR\n") != std::string::npos);
    }
}

TEST_CASE("GitHub annotations: most severe first, at most 10 per level, then a count",
          "[ci-formats]") {
    const Run r = lint(with(golden_args("testdata/lint/broken-snapshot"), {"--format", "github"}));
    REQUIRE(r.exit_code == 1);
    const auto lines = lines_of(r.out);
    std::vector<std::string> levels;
    for (const auto& line : lines)
        levels.push_back(line.substr(2, line.find(' ') - 2));
    REQUIRE(std::count(levels.begin(), levels.end(), "error") == 10);
    REQUIRE(std::count(levels.begin(), levels.end(), "warning") == 10);
    REQUIRE(std::is_sorted(levels.begin(), levels.end() - 1, [](const auto& a, const auto& b) {
        const auto rank = [](const std::string& l) {
            return l == "error" ? 0 : l == "warning" ? 1 : 2;
        };
        return rank(a) < rank(b);
    }));
    const auto report = lint_json(golden_args("testdata/lint/broken-snapshot"));
    const std::size_t total = report.at("findings").size();
    const std::size_t annotated = lines.size() - 1;
    CHECK(lines.back().rfind(
              "::notice title=dpslint::" + std::to_string(total - annotated) + " more", 0)
          == 0);
}

TEST_CASE("fingerprints survive reordering every array of every export file", "[ci-formats]") {
    ScratchDir scratch("ci-reorder");
    for (const auto& [original, make_args] :
         std::vector<std::pair<std::string, std::vector<std::string> (*)(const std::string&)>>{
             {"testdata/demo/snapshot", demo_args},
             {"testdata/lint/broken-snapshot", golden_args}}) {
        const fs::path copy = scratch / fs::path(original).filename().string();
        copy_snapshot(source_dir() / original, copy,
                      [](const std::string&, nlohmann::ordered_json& d) { reverse_arrays(d); });
        const auto before = lint_json(make_args(original));
        const auto after = lint_json(make_args(copy.string()));
        REQUIRE(!before.at("findings").empty());
        CHECK(fingerprints(before) == fingerprints(after));
    }
}

TEST_CASE("fingerprints survive unrelated entries added to the export", "[ci-formats]") {
    ScratchDir scratch("ci-unrelated");
    const fs::path copy = scratch / "snapshot";
    copy_snapshot(source_dir() / "testdata/demo/snapshot", copy,
                  [](const std::string& name, nlohmann::ordered_json& d) {
                      if (name == "enrollment-groups.json") {
                          auto extra = d[0];
                          extra["enrollmentGroupId"] = "zz-unrelated-group";
                          d.insert(d.begin(), extra);
                      }
                  });
    const auto before = fingerprints(lint_json(demo_args("testdata/demo/snapshot")));
    const auto after = fingerprints(lint_json(demo_args(copy.string())));
    for (const auto& fp : before)
        CHECK(after.count(fp) >= 1);
}

TEST_CASE("a baseline passes the same snapshot and fails only on newly broken enrollments",
          "[ci-formats]") {
    ScratchDir scratch("ci-baseline");
    const std::string baseline = (scratch / "b.json").string();
    const auto args = golden_args("testdata/lint/broken-snapshot");
    const Run first = lint(with(args, {"--write-baseline", baseline}));
    REQUIRE(first.exit_code == 1);
    const auto written = nlohmann::json::parse(read_text(baseline));
    REQUIRE(written.at("findings").size() == lint_json(args).at("findings").size());
    REQUIRE(std::is_sorted(
        written.at("findings").begin(), written.at("findings").end(),
        [](const auto& a, const auto& b) { return a.at("fingerprint") < b.at("fingerprint"); }));

    const auto same = lint_json(with(args, {"--baseline", baseline}));
    INFO(same.at("summary").dump());
    CHECK(same.at("summary").at("baseline").at("new") == 0);
    CHECK(same.at("summary").at("baseline").at("fixed") == 0);
    CHECK(same.at("summary").at("failed") == false);
    CHECK(lint(with(args, {"--baseline", baseline})).exit_code == 0);
    const auto sarif =
        nlohmann::json::parse(lint(with(args, {"--baseline", baseline, "--format", "sarif"})).out);
    for (const auto& result : sarif.at("runs")[0].at("results"))
        CHECK(result.at("baselineState") == "unchanged");

    // A changed copy: enrollment group g-baseline (clean) now references a CA that is not
    // uploaded.
    const fs::path copy = scratch / "broken-snapshot";
    copy_snapshot(source_dir() / "testdata/lint/broken-snapshot", copy,
                  [](const std::string& name, nlohmann::ordered_json& d) {
                      if (name != "enrollment-groups.json")
                          return;
                      for (auto& group : d) {
                          if (group["enrollmentGroupId"] == "g-baseline")
                              group["attestation"]["x509"]["caReferences"]["primary"] =
                                  "no-such-ca";
                      }
                  });
    const auto changed_args = golden_args(copy.string());
    const Run changed =
        lint(with(with(changed_args, {"--baseline", baseline}), {"--format", "json"}));
    REQUIRE(changed.exit_code == 1);
    const auto report = nlohmann::json::parse(changed.out);
    const auto plain = lint_json(changed_args);
    const auto old_report = lint_json(args);
    // Exactly the findings the change brought are new.
    std::multiset<std::string> expected_new;
    const auto old_prints = fingerprints(old_report);
    for (const auto& fp : fingerprints(plain)) {
        if (old_prints.count(fp) == 0)
            expected_new.insert(fp);
    }
    std::multiset<std::string> reported_new;
    for (const auto& f : report.at("findings")) {
        if (f.at("baselineState") == "new") {
            reported_new.insert(f.at("rule").get<std::string>() + " "
                                + f.at("fingerprint").get<std::string>());
            // The group itself, and the CA record it no longer uses.
            INFO(f.dump());
            CHECK((f.at("location").value("enrollmentId", "") == "g-baseline"
                   || f.at("rule") == "ca.unused"));
        }
    }
    CHECK(reported_new.size() == 2);
    CHECK(reported_new == expected_new);
    // What the change ended (g-baseline no longer admits device-1) is reported as fixed.
    CHECK(report.at("summary").at("baseline").at("fixed") == report.at("fixed").size());
    CHECK(
        std::any_of(report.at("findings").begin(), report.at("findings").end(), [](const auto& f) {
            return f.at("rule") == "enrollment.ca-missing" && f.at("baselineState") == "new";
        }));
}

TEST_CASE("a bad baseline file is one error line with its JSON pointer, exit 2", "[ci-formats]") {
    ScratchDir scratch("ci-bad-baseline");
    const auto args = golden_args("testdata/lint/broken-snapshot");
    const auto file = scratch.write(
        "b.json",
        R"({"format": "dpslint-baseline/v1", "findings": [{"fingerprint": "ab"}, {"rule": "x"}]})");
    const Run r = lint(with(args, {"--baseline", file.string()}));
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("/findings/1") != std::string::npos);
    const auto not_json = scratch.write("c.json", "{\"format\": ");
    CHECK(lint(with(args, {"--baseline", not_json.string()})).exit_code == 2);
    CHECK(lint(with(args, {"--output", "nonsense"})).exit_code == 2);
    CHECK(lint(with(args, {"--output", "pdf=x.pdf"})).exit_code == 2);
}

TEST_CASE("hostile names and ids are escaped in every CI format", "[ci-formats]") {
    ScratchDir scratch("ci-hostile");
    const std::string hostile_id = "g-%;]::,|`@#<&>\"'\r\n\x01 end";
    const fs::path copy = scratch / "snapshot";
    copy_snapshot(source_dir() / "testdata/demo/snapshot", copy,
                  [&](const std::string& name, nlohmann::ordered_json& d) {
                      if (name == "enrollment-groups.json")
                          d[0]["enrollmentGroupId"] = hostile_id;
                  });
    // A device file whose name holds every separator, a control byte and invalid UTF-8.
    const std::string device_name = "dev%;],:\x01\xff\nx.pem";
    fs::copy_file(source_dir() / "testdata/demo/devices/device-expired.pem", scratch / device_name);
    const std::vector<std::string> args{"lint", "--snapshot", "snapshot", "--at", at, device_name};

    const auto run_in = [&](const std::string& format) {
        const auto r = run_dpslint(with(args, {"--format", format}), scratch.path().string());
        INFO(r.err);
        REQUIRE(r.exit_code != 2);
        return r.out;
    };

    const std::string sarif_text = run_in("sarif");
    scratch.write("out.sarif", sarif_text);
    require_valid_sarif(scratch / "out.sarif");
    const std::string junit_text = run_in("junit");
    scratch.write("out.xml", junit_text);
    require_valid_junit(scratch / "out.xml");
    CHECK(junit_text.find('\x01') == std::string::npos);

    const std::string gh = run_in("github");
    bool device_annotated = false;
    for (const auto& line : lines_of(gh)) {
        INFO(line);
        REQUIRE(line.find('\r') == std::string::npos);
        const auto space = line.find(' ');
        const auto data = line.find("::", 2);
        REQUIRE(data != std::string::npos);
        const auto properties = split_properties(line.substr(space + 1, data - space - 1), ',');
        if (properties.count("file")
            && github_unescape(properties.at("file")).find("dev%;],:") == 0) {
            device_annotated = true;
            CHECK(github_unescape(properties.at("file")) == "dev%;],:\x01\\xFF\nx.pem");
        }
    }
    CHECK(device_annotated);

    const std::string az = run_in("azure");
    bool device_logged = false;
    for (const auto& line : lines_of(az)) {
        INFO(line);
        if (line.rfind("##vso[task.logissue ", 0) != 0)
            continue;
        const auto close = line.find(']');
        const auto properties = split_properties(line.substr(20, close - 20), ';');
        REQUIRE(properties.count("type"));
        if (properties.count("sourcepath")
            && azure_unescape(properties.at("sourcepath")).find("dev%;],:") == 0) {
            device_logged = true;
            CHECK(azure_unescape(properties.at("sourcepath")) == "dev%;],:\x01\\xFF\nx.pem");
        }
    }
    CHECK(device_logged);

    const std::string md = run_in("markdown");
    bool in_table = false, in_mermaid = false;
    std::size_t columns = 0;
    for (const auto& line : lines_of(md)) {
        INFO(line);
        CHECK(line.find('\x01') == std::string::npos);
        if (line == "```mermaid") {
            in_mermaid = true;
            continue;
        }
        if (in_mermaid) {
            if (line == "flowchart LR")
                continue;
            if (line == "```") {
                in_mermaid = false;
                continue;
            }
            CHECK(std::regex_match(line, std::regex(R"(  \w+(\[\(?"[^"`]*"\)?\]| -\.?->? \w+))")));
            continue;
        }
        if (line.rfind("|", 0) == 0) {
            if (!in_table)
                columns = unescaped_pipes(line);
            in_table = true;
            CHECK(unescaped_pipes(line) == columns);
        } else {
            in_table = false;
        }
    }
}

namespace {

const std::vector<std::string> demo_devices{
    "testdata/demo/devices/device-1.pem",        "testdata/demo/devices/device-001.pem",
    "testdata/demo/devices/customer-a-0001.pem", "testdata/demo/devices/customer-a-0002.pem",
    "testdata/demo/devices/device-expired.pem",  "testdata/demo/devices/sensor-bad-cn.pem",
    "testdata/demo/devices/rogue-device.pem"};

std::vector<std::string> simulate_args() {
    return with({"simulate", "--snapshot", "testdata/demo/snapshot", "--at", at}, demo_devices);
}

std::vector<std::string> verify_args() {
    return with({"verify", "--trust", "testdata/demo/ca/my-root-ca.pem", "--untrusted",
                 "testdata/demo/ca/my-intermediate-ca.pem", "--at", at},
                demo_devices);
}

std::vector<std::string> batch_args() {
    return with({"batch", "--snapshot", "testdata/demo/snapshot", "--at", at, "--quiet"},
                demo_devices);
}

// The committed configuration change (testdata/demo/diff/) and the demo devices.
std::vector<std::string> diff_args() {
    return with({"diff", "--before", "testdata/demo/snapshot", "--after",
                 "testdata/demo/diff/after", "--at", at},
                demo_devices);
}

// batch-merge of two shard reports of the demo batch, written into `dir`.
std::vector<std::string> merge_args(const fs::path& dir) {
    std::vector<std::string> args{"batch-merge", "--at", at};
    for (const char* shard : {"1/2", "2/2"}) {
        const fs::path report = dir / ("shard-" + std::string(1, shard[0]) + ".jsonl");
        const Run r = lint(with(batch_args(), {"--shard", shard, "--report", report.string()}));
        INFO(r.err);
        REQUIRE(r.exit_code == 1);
        args.push_back(report.string());
    }
    return args;
}

// Every SARIF region starts where the finding is: a certificate's PEM BEGIN line, or the first
// character of a JSON value in an export. Returns how many results had a region.
std::size_t require_regions_in_place(const nlohmann::json& log) {
    std::size_t regions = 0;
    for (const auto& result : log.at("runs").at(0).at("results")) {
        if (!result.contains("locations"))
            continue;  // a batch-wide finding: about no file
        const auto& physical =
            result.at("locations").at(0).value("physicalLocation", nlohmann::json::object());
        if (!physical.contains("region"))
            continue;
        INFO(result.dump());
        const std::string uri = physical.at("artifactLocation").at("uri");
        const auto lines = lines_of(read_text(source_dir() / uri));
        const auto& region = physical.at("region");
        const std::size_t line = region.at("startLine");
        REQUIRE(line >= 1);
        REQUIRE(line <= lines.size());
        if (fs::path(uri).extension() == ".pem") {
            CHECK(lines[line - 1].rfind("-----BEGIN ", 0) == 0);
        } else {
            const std::size_t column = region.at("startColumn");
            REQUIRE(column >= 1);
            REQUIRE(column <= lines[line - 1].size());
            CHECK(std::string("{[\"tfn-0123456789").find(lines[line - 1][column - 1])
                  != std::string::npos);
        }
        ++regions;
    }
    return regions;
}

}  // namespace

TEST_CASE("verify, simulate, batch, batch-merge and diff write every CI format from one run",
          "[ci-formats]") {
    ScratchDir scratch("ci-formats-commands");
    for (const auto& args :
         {verify_args(), simulate_args(), batch_args(), merge_args(scratch.path()), diff_args()}) {
        INFO(args[0]);
        std::map<std::string, fs::path> files;
        std::vector<std::string> outputs;
        for (const char* format : {"sarif", "junit", "github", "azure", "markdown", "json"}) {
            files[format] = scratch / (args[0] + "." + format);
            outputs.insert(outputs.end(), {"--output", format + ("=" + files[format].string())});
        }
        const Run r = lint(with(args, outputs));
        INFO(r.err);
        REQUIRE(r.exit_code == 1);  // the demo has devices that fail
        require_valid_sarif(files["sarif"]);
        require_valid_junit(files["junit"]);

        // The same run on stdout gives the same documents; text stays the command's own.
        CHECK(lint(with(args, {"--format", "sarif"})).out == read_text(files["sarif"]));
        CHECK(lint(with(args, {"--format", "junit"})).out == read_text(files["junit"]));
        CHECK(lint(with(args, {"--format", "json"})).out == read_text(files["json"]));
        CHECK(lint(args).out == lint(with(args, {"--format", "text"})).out);

        const auto log = nlohmann::json::parse(read_text(files["sarif"]));
        const auto& run = log.at("runs").at(0);
        const auto& rules = run.at("tool").at("driver").at("rules");
        REQUIRE(!run.at("results").empty());
        for (const auto& result : run.at("results")) {
            INFO(result.dump());
            const auto& rule = rules.at(result.at("ruleIndex").get<std::size_t>());
            CHECK(rule.at("id") == result.at("ruleId"));
            // Described from the catalogue, not generated from the id.
            CHECK(rule.at("shortDescription").at("text").get<std::string>().find("dpslint check")
                  == std::string::npos);
            CHECK(result.at("partialFingerprints").contains("primaryLocationLineHash"));
        }
        // Certificate findings at their PEM BEGIN line (batch: taken as each file is read);
        // diff: its findings are at the enrollments, in the snapshot files before and after.
        CHECK(require_regions_in_place(log) > 0);

        // One JUnit test case per device file.
        const std::string junit = read_text(files["junit"]);
        for (const auto& device : demo_devices)
            CHECK(junit.find("name=\"device file " + fs::path(device).filename().string() + "\"")
                  != std::string::npos);

        const auto az = lines_of(read_text(files["azure"]));
        REQUIRE(!az.empty());
        CHECK(az.back().rfind("##vso[task.complete result=Failed;]", 0) == 0);
        for (const auto& line : lines_of(read_text(files["github"])))
            CHECK(std::regex_search(line, std::regex("^::(error|warning|notice) ")));
        const std::string md = read_text(files["markdown"]);
        // Markdown escapes the hyphen of batch-merge.
        CHECK(md.find("## dpslint " + std::regex_replace(args[0], std::regex("-"), "\\-") + ": ")
              == 0);
    }
}

TEST_CASE("simulate's Markdown summary has the real decisions and the rejected devices",
          "[ci-formats]") {
    const Run r = lint(with(simulate_args(), {"--format", "markdown"}));
    REQUIRE(r.exit_code == 1);
    INFO(r.out);
    CHECK(r.out.find(R"(| device\-1\.pem | device\-1 | provisioned | group my\-device\-group |)")
          != std::string::npos);
    CHECK(r.out.find(R"(| rogue\-device\.pem | rogue\-device | rejected |)") != std::string::npos);
    CHECK(r.out.find("```mermaid\nflowchart LR\n") != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("<br/>rejected\"\\]")));
    CHECK(std::regex_search(r.out, std::regex("<br/>blocked\"\\]")));
}

TEST_CASE("diff's CI documents: transition counts, located findings, text and json as streamed",
          "[ci-formats]") {
    ScratchDir scratch("ci-formats-diff");
    const Run r = lint(with(diff_args(), {"--format", "markdown", "--output",
                                          "text=" + (scratch / "diff.txt").string()}));
    REQUIRE(r.exit_code == 1);
    INFO(r.out);
    CHECK(r.out.find("## dpslint diff: ❌ fail") == 0);
    CHECK(r.out.find("| Transition | Devices |") != std::string::npos);
    CHECK(r.out.find(R"(| provisioned\-&gt;blocked | 1 |)") != std::string::npos);
    CHECK(r.out.find(R"(| rejected\-&gt;blocked | 1 |)") != std::string::npos);
    CHECK(r.out.find(R"(| enrollment\-changed | 1 |)") != std::string::npos);
    // The loss is located at the enrollment in the snapshot it was deployed in.
    CHECK(
        r.out.find(
            R"(| error | diff\.devices\-lose\-provisioning | testdata/demo/snapshot/enrollment\-groups\.json:)")
        != std::string::npos);
    // An --output text file is the text report, plain.
    CHECK(read_text(scratch / "diff.txt") == lint(diff_args()).out);

    // SARIF: the diff rules described from the registry, with their citations.
    const auto sarif = nlohmann::json::parse(lint(with(diff_args(), {"--format", "sarif"})).out);
    bool described = false;
    for (const auto& rule : sarif.at("runs").at(0).at("tool").at("driver").at("rules")) {
        if (rule.at("id") != "diff.devices-lose-provisioning")
            continue;
        described = true;
        CHECK(rule.at("shortDescription").at("text") == "Devices would stop provisioning");
        CHECK(rule.at("help").at("text").get<std::string>().find("https://learn.microsoft.com/")
              != std::string::npos);
    }
    CHECK(described);

    // JUnit: the enrollment that loses its devices is a failing test case.
    const std::string junit = lint(with(diff_args(), {"--format", "junit"})).out;
    CHECK(junit.find("name=\"enrollment group my-device-group\"") != std::string::npos);
}

TEST_CASE("diff baselines: the same change passes, a new finding fails", "[ci-formats]") {
    ScratchDir scratch("ci-formats-baseline-diff");
    const auto args = with(diff_args(), {"--fail-on", "warning"});
    const fs::path baseline = scratch / "diff-baseline.json";
    REQUIRE(lint(with(args, {"--write-baseline", baseline.string()})).exit_code == 1);
    const Run again = lint(with(args, {"--baseline", baseline.string()}));
    INFO(again.err << again.out);
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("; baseline: 10 unchanged (not failing), 0 new, 0 fixed")
          != std::string::npos);
    const auto json = nlohmann::json::parse(
        lint(with(args, {"--baseline", baseline.string(), "--format", "json"})).out);
    CHECK(json.at("summary").at("baseline")
          == nlohmann::json{{"unchanged", 10}, {"new", 0}, {"fixed", 0}});

    // A baseline of device-1 alone: customer-a-0001 moving to another group is new and fails.
    const fs::path partial = scratch / "diff-partial.json";
    REQUIRE(lint({"diff", "--before", "testdata/demo/snapshot", "--after",
                  "testdata/demo/diff/after", "--at", at, "--fail-on", "warning",
                  "--write-baseline", partial.string(), "testdata/demo/devices/device-1.pem"})
                .exit_code
            == 1);
    const Run partly = lint(with(args, {"--baseline", partial.string(), "--format", "sarif"}));
    CHECK(partly.exit_code == 1);
    const auto log = nlohmann::json::parse(partly.out);
    std::set<std::string> new_rules;
    for (const auto& result : log.at("runs").at(0).at("results")) {
        if (result.at("baselineState") == "new")
            new_rules.insert(result.at("ruleId").get<std::string>());
    }
    CHECK(new_rules
          == std::set<std::string>{"diff.devices-change-enrollment", "diff.devices-change-hub",
                                   "diff.devices-change-twin"});

    // Without a baseline the exit status is as before: the loss fails the run.
    CHECK(lint(diff_args()).exit_code == 1);
}

TEST_CASE("verify, simulate and batch baselines: the same run passes, exit 0", "[ci-formats]") {
    ScratchDir scratch("ci-formats-baseline-commands");
    for (const auto& args : {verify_args(), simulate_args(), batch_args()}) {
        INFO(args[0]);
        const fs::path baseline = scratch / (args[0] + "-baseline.json");
        REQUIRE(lint(with(args, {"--write-baseline", baseline.string()})).exit_code == 1);
        const Run again = lint(with(args, {"--baseline", baseline.string(), "--format", "azure"}));
        INFO(again.err << again.out);
        CHECK(again.exit_code == 0);
        CHECK(lines_of(again.out).back().rfind("##vso[task.complete result=Succeeded;]", 0) == 0);
        // A baseline of fewer devices: the others' findings are new and fail the run.
        const fs::path partial = scratch / (args[0] + "-partial.json");
        auto fewer = args;
        fewer.pop_back();  // rogue-device.pem
        REQUIRE(lint(with(fewer, {"--write-baseline", partial.string()})).exit_code != 2);
        CHECK(lint(with(args, {"--baseline", partial.string()})).exit_code == 1);
    }
}

namespace {

// Every dpslint command line of docs/ci.md, in order: a line inside a fenced block that starts
// (after indentation and a YAML "- ", "run: " or "script: ") with `dpslint COMMAND`, or pipes
// into it.
std::vector<std::string> documented_commands() {
    std::vector<std::string> out;
    bool fenced = false;
    const std::regex command(
        R"((^|\| )dpslint (lint|verify|simulate|batch|batch-merge|diff|forecast) )");
    for (std::string line : lines_of(read_text(source_dir() / "docs/ci.md"))) {
        line.erase(0, line.find_first_not_of(' '));
        if (line.rfind("```", 0) == 0) {
            fenced = !fenced;
            continue;
        }
        for (const char* prefix : {"- ", "run: ", "script: "}) {
            if (line.rfind(prefix, 0) == 0)
                line.erase(0, std::string(prefix).size());
        }
        if (fenced && std::regex_search(line, command))
            out.push_back(line);
    }
    return out;
}

// The documented substitutions: the matrix's shard is 1, and every command gets --at so the
// demo fixtures never expire.
std::string as_run_on_demo(std::string line) {
    for (std::string::size_type at_pos;
         (at_pos = line.find("${{ matrix.shard }}")) != std::string::npos;)
        line.replace(at_pos, std::string("${{ matrix.shard }}").size(), "1");
    return std::regex_replace(
        line, std::regex(R"(dpslint (lint|verify|simulate|batch-merge|batch|diff|forecast) )"),
        "dpslint $1 --at " + at + " ");
}

}  // namespace

TEST_CASE("every dpslint command of docs/ci.md runs on the demo data", "[ci-formats][docs]") {
    ScratchDir scratch("ci-docs");
    // The repository layout docs/ci.md assumes: snapshot/ and devices/ at its root.
    fs::copy(source_dir() / "testdata/demo/snapshot", scratch / "snapshot",
             fs::copy_options::recursive);
    fs::create_directories(scratch / "devices");
    fs::create_directories(scratch / "reports");  // each job's `mkdir -p reports`
    // The diff job's base branch (`git worktree add base ...`): the demo change against it.
    fs::create_directories(scratch / "base");
    fs::copy(source_dir() / "testdata/demo/snapshot", scratch / "base/snapshot",
             fs::copy_options::recursive);
    for (const auto& entry : fs::directory_iterator(source_dir() / "testdata/demo/devices")) {
        if (entry.path().extension() == ".pem")
            fs::copy_file(entry.path(), scratch / "devices" / entry.path().filename());
    }
    const std::string path =
        "PATH=" + fs::path(binary_under_test()).parent_path().string() + ":/usr/bin:/bin";

    const auto commands = documented_commands();
    std::set<std::string> seen;
    for (const auto& line : commands) {
        const std::string run = as_run_on_demo(line);
        INFO(run);
        const auto r =
            run_process({"/bin/bash", "-o", "pipefail", "-c", run}, scratch.path().string(), {},
                        {path, "JOB_COMPLETION_INDEX=0",
                         "GITHUB_STEP_SUMMARY=" + (scratch / "summary.md").string()});
        INFO(r.err);
        // 1 is the demo's findings failing the run, as documented; 2 would be a broken example.
        CHECK((r.exit_code == 0 || r.exit_code == 1));
        std::smatch m;
        std::regex_search(line, m, std::regex(R"(dpslint ([a-z-]+) )"));
        seen.insert(m[1].str());
        if (line.find("--baseline ") != std::string::npos)
            CHECK(r.exit_code == 0);  // the baseline written just before passes the same run
    }
    CHECK(seen == std::set<std::string>{"lint", "simulate", "diff", "batch", "batch-merge"});
    std::size_t sarif = 0, junit = 0;
    for (const auto& entry : fs::directory_iterator(scratch / "reports")) {
        INFO(entry.path());
        CHECK(fs::file_size(entry.path()) > 0);
        if (entry.path().extension() == ".sarif") {
            require_valid_sarif(entry.path());
            ++sarif;
        }
        if (entry.path().extension() == ".xml") {
            require_valid_junit(entry.path());
            ++junit;
        }
    }
    CHECK(sarif >= 2);
    CHECK(junit >= 2);
    CHECK(fs::exists(scratch / "reports/merged.jsonl"));
    CHECK(read_text(scratch / "summary.md").find(R"(## dpslint batch\-merge: )") == 0);
}

}  // namespace ci_formats_cli_test
