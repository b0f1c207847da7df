// Hostile input through the real binary: what a factory file, a customer export or a pull request
// from anyone can feed dpslint. Every case ends in exit 2 with one line on stderr naming the file
// and the limit, or in a correct result; never a crash, a hang or partial silent output, and the
// other inputs are still reported. Cases about resources also bound time and peak memory (not
// under sanitizers, which change both).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dpslint/output_text.hpp"

#include "support/process.hpp"
#include "support/resource_bounds.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

using dpslint::test::binary_bounds_apply;
using dpslint::test::ProcessResult;
using dpslint::test::read_text;
using dpslint::test::run_dpslint;
using dpslint::test::ScratchDir;
using dpslint::test::testdata;
using nlohmann::json;
namespace fs = std::filesystem;

namespace hostile_input_test {

namespace {

// A run still going after this long is killed: a hang fails the test instead of the suite.
constexpr double deadline_seconds = 60;
// The bounds of a case about resources (issue: "within a second and under 100 MB peak RSS").
constexpr double max_seconds = 1.0;
constexpr long max_rss_kb = 100 * 1024;

const std::string demo_at = "2026-12-01T00:00:00Z";
const std::string batch_at = "2030-01-01T00:00:00Z";

std::string demo(const std::string& relative) {
    return testdata("demo/" + relative).string();
}
std::string batch_ca(const std::string& name) {
    return testdata("batch/ca/" + name).string();
}
std::string good_device() {
    return testdata("batch/good/device-0001.pem").string();
}

ProcessResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {}) {
    return run_dpslint(args, {}, stdin_text, deadline_seconds);
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<std::string> verify(const std::vector<std::string>& extra) {
    return concat({"verify", "--trust", batch_ca("root.pem"), "--untrusted",
                   batch_ca("intermediate.pem"), "--at", batch_at},
                  extra);
}
std::vector<std::string> simulate(const std::vector<std::string>& extra,
                                  const std::string& snapshot = demo("snapshot")) {
    return concat({"simulate", "--snapshot", snapshot, "--at", demo_at}, extra);
}
std::vector<std::string> lint(const std::vector<std::string>& extra,
                              const std::string& snapshot = demo("snapshot")) {
    return concat({"lint", "--snapshot", snapshot, "--at", demo_at}, extra);
}
std::vector<std::string> batch_trust(const std::vector<std::string>& extra) {
    return concat({"batch", "--trust", batch_ca("root.pem"), "--untrusted",
                   batch_ca("intermediate.pem"), "--at", batch_at, "--quiet", "--jobs", "2"},
                  extra);
}
std::vector<std::string> batch_snapshot(const std::vector<std::string>& extra) {
    return concat(
        {"batch", "--snapshot", demo("snapshot"), "--at", demo_at, "--quiet", "--jobs", "2"},
        extra);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Output a terminal or a JSON reader can take: valid UTF-8, no control character but newlines.
void check_clean(const std::string& text) {
    CHECK(dpslint::valid_utf8(text) == text);
    CHECK(std::none_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b < 0x20 && b != '\n') || b == 0x7F;
    }));
}

void check_no_crash(const ProcessResult& r) {
    INFO(r.err);
    CHECK_FALSE(r.timed_out);
    CHECK(r.signal == 0);
    CHECK(r.exit_code >= 0);
    CHECK(r.exit_code <= 2);
    CHECK_FALSE(contains(r.err, "internal error"));
    CHECK_FALSE(contains(r.err, "Sanitizer"));  // in a sanitizer build, any report fails
    CHECK_FALSE(contains(r.err, "runtime error:"));
    check_clean(r.out);
    check_clean(r.err);
}

void check_resources(const ProcessResult& r) {
    CHECK_FALSE(r.timed_out);
    if (binary_bounds_apply()) {
        CHECK(r.seconds < max_seconds);
        CHECK(r.max_rss_kb < max_rss_kb);
    }
}

// Exit 2 and exactly one line on stderr holding each of `parts` (the file, the limit ...).
void check_one_line_error(const ProcessResult& r, const std::vector<std::string>& parts) {
    INFO(r.err);
    check_no_crash(r);
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.size() < 8192);
    for (const auto& part : parts) {
        INFO(part);
        CHECK(contains(r.err, part));
    }
}

// Each run is refused with one line holding `parts`, quickly and in little memory.
void check_refused(const std::vector<std::vector<std::string>>& runs,
                   const std::vector<std::string>& parts) {
    for (const auto& args : runs) {
        std::string command;
        for (const auto& arg : args)
            command += arg + " ";
        INFO(command);
        const auto r = run_cli(args);
        check_one_line_error(r, parts);
        check_resources(r);
    }
}

json parse(const ProcessResult& r) {
    INFO(r.err);
    INFO(r.out.substr(0, 2000));
    REQUIRE_NOTHROW(json::parse(r.out));
    return json::parse(r.out);
}

std::vector<json> report_lines(const fs::path& report) {
    std::vector<json> out;
    std::istringstream in(read_text(report));
    std::string line;
    while (std::getline(in, line))
        out.push_back(json::parse(line));
    return out;
}

std::string nested_arrays(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

// A copy of the demo snapshot directory to modify.
fs::path demo_snapshot_copy(const ScratchDir& dir) {
    const fs::path copy = dir / "snapshot";
    fs::copy(demo("snapshot"), copy, fs::copy_options::recursive);
    return copy;
}

// A 38-byte PEM "block" whose label is the byte 0xFF (no CA key needed to make one).
const std::string ff_label_pem = "-----BEGIN \xFF-----\nAAAA\n-----END \xFF-----\n";

}  // namespace

// --- 1. Bytes that are not UTF-8 reach the output -----------------------------------------------

TEST_CASE("hostile 1: a PEM label holding 0xFF is one rejected file, the rest is reported",
          "[cli][hostile]") {
    const ScratchDir dir("hostile-label");
    const auto bad = dir.write("inputs/bad-label.pem", ff_label_pem).string();
    fs::copy(good_device(), dir / "inputs" / "good.pem");
    const std::string good = (dir / "inputs" / "good.pem").string();

    SECTION("batch, --trust and --snapshot, JSON summary and JSON Lines report") {
        for (const auto& mode : {batch_trust({}), batch_snapshot({})}) {
            const auto report = dir / "report.jsonl";
            const auto r = run_cli(concat(mode, {"--format", "json", "--report", report.string(),
                                                 (dir / "inputs").string()}));
            check_no_crash(r);
            CHECK(r.exit_code == 1);  // the rejected file is an error
            const auto summary = parse(r)["summary"];
            CHECK(summary["filesSeen"] == 2);
            CHECK(summary["filesRejected"] == 1);
            const auto lines = report_lines(report);
            REQUIRE(lines.size() == 2);
            CHECK(lines[0]["status"] == "rejected");
            CHECK(contains(lines[0]["error"].get<std::string>(), "PEM block '\\xFF'"));
            CHECK(lines[1]["status"] == "checked");
        }
    }
    SECTION("batch text output and CSV report") {
        const auto report = dir / "report.csv";
        const auto r =
            run_cli(concat(batch_trust({}), {"--report", report.string(), "--report-format", "csv",
                                             (dir / "inputs").string()}));
        check_no_crash(r);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.out, "'\\xFF'"));
        const std::string csv = read_text(report);
        check_clean(csv);
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);  // header + one line per file
    }
    SECTION("verify, simulate and lint report the good file and exit 2") {
        const auto v = run_cli(verify({"--format", "json", good, bad}));
        check_no_crash(v);
        CHECK(v.exit_code == 2);
        const auto vj = parse(v);
        CHECK(vj["summary"]["valid"] == 1);
        CHECK(vj["summary"]["unreadable"] == 1);
        CHECK(contains(vj["results"][1]["error"].get<std::string>(), "\\xFF"));

        const auto s = run_cli(simulate({"--format", "json", demo("devices/device-1.pem"), bad}));
        check_no_crash(s);
        CHECK(s.exit_code == 2);
        CHECK(parse(s)["summary"]["provisioned"] == 1);

        const auto l = run_cli(lint({"--format", "json", demo("devices/device-1.pem"), bad}));
        check_no_crash(l);
        CHECK(l.exit_code == 2);
        CHECK(contains(parse(l).dump(), "input.unreadable"));

        for (const auto& args : {verify({good, bad}), simulate({demo("devices/device-1.pem"), bad}),
                                 lint({demo("devices/device-1.pem"), bad})}) {
            const auto text = run_cli(args);
            check_no_crash(text);
            CHECK(text.exit_code == 2);
            CHECK(contains(text.out, "\\xFF"));
        }
    }
}

TEST_CASE("hostile 1: a file name holding 0xFF is shown escaped in every format",
          "[cli][hostile]") {
    const ScratchDir dir("hostile-name");
    const fs::path named = dir / "inputs" / "device-\xFF.pem";
    fs::create_directories(named.parent_path());
    fs::copy(good_device(), named);
    const fs::path demo_named = dir / "demo-\xFF.pem";
    fs::copy(demo("devices/device-1.pem"), demo_named);

    const auto report = dir / "report.jsonl";
    for (const auto& mode : {batch_trust({}), batch_snapshot({})}) {
        const auto r = run_cli(concat(
            mode, {"--format", "json", "--report", report.string(), (dir / "inputs").string()}));
        check_no_crash(r);
        CHECK(parse(r)["summary"]["filesChecked"] == 1);
        const auto lines = report_lines(report);
        REQUIRE(lines.size() == 1);
        CHECK(contains(lines[0]["file"].get<std::string>(), "device-\\xFF.pem"));
    }
    const auto v = run_cli(verify({"--format", "json", named.string()}));
    check_no_crash(v);
    CHECK(v.exit_code == 0);
    CHECK(contains(parse(v)["results"][0]["file"].get<std::string>(), "device-\\xFF.pem"));

    const auto s = run_cli(simulate({"--format", "json", demo_named.string()}));
    check_no_crash(s);
    CHECK(s.exit_code == 0);
    CHECK(parse(s)["devices"][0]["decision"] == "provisioned");

    const auto l = run_cli(lint({"--format", "json", demo_named.string()}));
    check_no_crash(l);
    parse(l);
    for (const auto& args : {verify({named.string()}), simulate({demo_named.string()})}) {
        const auto text = run_cli(args);
        check_no_crash(text);
        CHECK(contains(text.out, "\\xFF"));
    }
    check_no_crash(run_cli(lint({demo_named.string()})));
    check_no_crash(run_cli(batch_trust({(dir / "inputs").string()})));
}

TEST_CASE("hostile 1: a forged name-constrained CA and a SAN of bytes FF FE", "[cli][hostile]") {
    const std::string file = testdata("hostile/nc-forged-san.pem").string();
    const std::string good = good_device();

    const auto v = run_cli(verify({"--format", "json", file, good}));
    check_no_crash(v);
    CHECK(v.exit_code == 1);  // the forged chain is invalid, the good one valid
    const auto vj = parse(v);
    CHECK(vj["summary"]["valid"] == 1);
    CHECK(vj["results"][0]["valid"] == false);
    bool name_constraints = false;  // the finding that quotes the SAN
    for (const auto& f : vj["results"][0]["findings"]) {
        name_constraints |= f["rule"] == "chain.name-constraints"
                            && contains(f["message"].get<std::string>(), "\"\\xFF\\xFE\"");
    }
    CHECK(name_constraints);

    const auto s = run_cli(simulate({"--format", "json", file, demo("devices/device-1.pem")}));
    check_no_crash(s);
    CHECK(s.exit_code == 1);
    CHECK(parse(s)["devices"].size() == 2);

    const auto l = run_cli(lint({"--format", "json", file}));
    check_no_crash(l);
    parse(l);

    const ScratchDir dir("hostile-nc");
    for (const auto& mode : {batch_trust({}), batch_snapshot({})}) {
        const auto report = dir / "report.jsonl";
        const auto r =
            run_cli(concat(mode, {"--format", "json", "--report", report.string(), file, good}));
        check_no_crash(r);
        CHECK(parse(r)["summary"]["devices"] == 2);
        CHECK(report_lines(report).size() == 2);
        const auto text = run_cli(concat(mode, {file, good}));
        check_no_crash(text);
    }
    for (const auto& args : {verify({file}), simulate({file}), lint({file})})
        check_no_crash(run_cli(args));
}

// --- 3. Deep JSON and output amplification ----------------------------------------------------

TEST_CASE("hostile 3: a single-file snapshot nested 100,000 deep is refused while reading",
          "[cli][hostile]") {
    const ScratchDir dir("hostile-deep");
    const auto snapshot =
        dir.write("deep.json", "{\"enrollmentGroups\": " + nested_arrays(100'000) + "}");
    check_refused(
        {simulate({demo("devices/device-1.pem")}, snapshot.string()), lint({}, snapshot.string())},
        {"deep.json:/enrollmentGroups/0/0/", "nested deeper than 64"});
}

TEST_CASE("hostile 3: an initialTwin nested 50,000 deep is refused while reading",
          "[cli][hostile]") {
    const ScratchDir dir("hostile-twin");
    const fs::path snapshot = demo_snapshot_copy(dir);
    std::string twin;
    for (int i = 0; i < 50'000; ++i)
        twin += "{\"a\":";
    twin += "1" + std::string(50'000, '}');
    std::ofstream(snapshot / "enrollment-groups.json")
        << R"([{"enrollmentGroupId": "deep", "attestation": {"type": "x509"}, "initialTwin": )"
        << twin << "}]";
    check_refused(
        {lint({}, snapshot.string()), simulate({demo("devices/device-1.pem")}, snapshot.string())},
        {"enrollment-groups.json:/0/initialTwin/a/a/", "nested deeper than 64 levels"});
}

TEST_CASE("hostile 3: deep configuration files and report lines are refused too",
          "[cli][hostile]") {
    const ScratchDir dir("hostile-deep-other");
    const auto config =
        dir.write("deep-config.json", "{\"options\": " + nested_arrays(100'000) + "}");
    check_refused({lint({"--config", config.string()})},
                  {"deep-config.json:/options/0/", "nested deeper than 64"});
    const auto report = dir.write("deep.jsonl", nested_arrays(100'000) + "\n");
    check_refused({{"batch-merge", report.string()}},
                  {"deep.jsonl:line 1", "nested deeper than 64"});
}

TEST_CASE("hostile 3: simulate does not repeat an oversized twin or id for every device",
          "[cli][hostile]") {
    const ScratchDir dir("hostile-amplify");
    const fs::path snapshot = demo_snapshot_copy(dir);
    // 55 levels (within the reading limit) of 8 KB each: far over DPS's twin limits.
    json tags = "leaf";
    for (int i = 0; i < 55; ++i)
        tags = json{{"k", tags}, {"pad", std::string(8192, 'p')}};
    json groups = json::parse(read_text(snapshot / "enrollment-groups.json"));
    bool found = false;
    for (auto& g : groups) {
        if (g["enrollmentGroupId"] == "my-device-group") {
            g["initialTwin"] = {{"tags", tags}};
            // An id of 200 KB, repeated in every device's result and findings.
            g["enrollmentGroupId"] = "my-device-group-" + std::string(200'000, 'g');
            found = true;
        }
    }
    REQUIRE(found);
    std::ofstream(snapshot / "enrollment-groups.json") << groups.dump();
    std::vector<std::string> devices;
    for (int i = 0; i < 20; ++i)
        devices.push_back(demo("devices/device-1.pem"));
    const auto r = run_cli(simulate(concat({"--format", "json"}, devices), snapshot.string()));
    check_no_crash(r);
    CHECK(r.exit_code == 0);
    CHECK(r.out_bytes < 2'000'000);  // 20 devices; 8 MB or more if each repeated the id
    const auto doc = parse(r);
    REQUIRE(doc["devices"].size() == 20);
    CHECK(doc["devices"][0]["initialTwin"].is_null());
    CHECK(contains(doc["devices"][0]["initialTwinOmitted"].get<std::string>(), "262144 bytes"));
    check_resources(r);
}

// --- 4. FIFOs, devices and oversized files, in every command ----------------------------------

TEST_CASE("hostile 4: FIFOs and devices are refused before a byte is read", "[cli][hostile]") {
    const ScratchDir dir("hostile-fifo");
    const fs::path fifo = dir / "input.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string f = fifo.string();
    const std::string not_regular = "not a regular file (a FIFO)";

    SECTION("a device file among good ones: reported, the others checked") {
        const auto v = run_cli(verify({"--format", "json", good_device(), f, "/dev/zero"}));
        check_no_crash(v);
        check_resources(v);
        CHECK(v.exit_code == 2);
        const auto doc = parse(v);
        CHECK(doc["summary"]["valid"] == 1);
        CHECK(doc["summary"]["unreadable"] == 2);
        CHECK(contains(v.err, f + ": " + not_regular));
        CHECK(contains(v.err, "/dev/zero: not a regular file (a character device)"));

        const auto s = run_cli(simulate({"--format", "json", demo("devices/device-1.pem"), f}));
        check_no_crash(s);
        CHECK(s.exit_code == 2);
        CHECK(parse(s)["summary"]["provisioned"] == 1);

        const auto l = run_cli(lint({"--format", "json", demo("devices/device-1.pem"), f}));
        check_no_crash(l);
        CHECK(l.exit_code == 2);
        parse(l);
    }
    SECTION("--trust, --untrusted, --presented, --config, snapshot and report") {
        const std::vector<std::vector<std::string>> cases{
            {"verify", "--trust", f, "--at", batch_at, good_device()},
            {"verify", "--trust", "/dev/zero", "--at", batch_at, good_device()},
            // Options that take files come after the inputs: they take every value after them.
            verify({good_device(), "--untrusted", f}),
            simulate({demo("devices/device-1.pem"), "--presented", "/dev/zero"}),
            simulate({demo("devices/device-1.pem")}, f),
            lint({}, "/dev/zero"),
            lint({"--config", f}),
            lint({"--config", "/dev/zero"}),
            batch_trust({good_device(), "--presented", f}),
            {"batch", "--trust", f, "--at", batch_at, "--quiet", good_device()},
            {"batch-merge", f},
            {"batch-merge", "/dev/zero"},
        };
        check_refused(cases, {"not a regular file"});
    }
    SECTION("parts of a snapshot directory") {
        for (const std::string part : {"enrollment-groups.json", "dps.json", "certificates.json",
                                       "ca/evil.pem", "registrations/evil.json"}) {
            const ScratchDir copy_dir("hostile-fifo-part");
            const fs::path snapshot = demo_snapshot_copy(copy_dir);
            fs::remove(snapshot / part);
            fs::create_directories((snapshot / part).parent_path());
            REQUIRE(::mkfifo((snapshot / part).c_str(), 0600) == 0);
            check_refused({lint({}, snapshot.string())}, {part + ": " + not_regular});
        }
        const ScratchDir copy_dir("hostile-zero-part");
        const fs::path snapshot = demo_snapshot_copy(copy_dir);
        fs::remove(snapshot / "dps.json");
        fs::create_symlink("/dev/zero", snapshot / "dps.json");
        check_refused({simulate({demo("devices/device-1.pem")}, snapshot.string())},
                      {"dps.json: not a regular file (a character device)"});
    }
}

TEST_CASE("hostile 4: every kind of input has its size limit", "[cli][hostile]") {
    const ScratchDir dir("hostile-size");
    const auto big_leaf = dir.write("big.pem", std::string(1024 * 1024 + 1, 'A'));
    const auto v = run_cli(verify({"--format", "json", good_device(), big_leaf.string()}));
    check_no_crash(v);
    CHECK(v.exit_code == 2);
    CHECK(parse(v)["summary"]["valid"] == 1);
    CHECK(contains(v.err,
                   "big.pem: 1048577 bytes is over the 1048576-byte limit for a certificate "
                   "file"));

    const auto big_config =
        dir.write("big-config.json", "{\"$comment\": \"" + std::string(1024 * 1024, 'c') + "\"}");
    check_one_line_error(run_cli(lint({"--config", big_config.string()})),
                         {"big-config.json", "-byte limit for a configuration file"});

    const auto long_line = dir.write("long.jsonl", std::string(2 * 1024 * 1024, ' ') + "\n");
    const auto m = run_cli({"batch-merge", long_line.string()});
    check_one_line_error(m, {"long.jsonl:line 1", "1048576-byte limit for a report line"});
    check_resources(m);

    // batch -: a path line of 1 MB is one rejected input, not 1 MB held per line.
    const auto b = run_cli(batch_trust({"--format", "json", "-"}),
                           good_device() + "\n" + std::string(1024 * 1024, 'p') + "\n");
    check_no_crash(b);
    CHECK(b.exit_code == 1);
    const auto summary = parse(b)["summary"];
    CHECK(summary["filesChecked"] == 1);
    CHECK(summary["filesRejected"] == 1);
}

// --- 6. One line on stderr, one line per record -----------------------------------------------

TEST_CASE("hostile 6: errors quote input values escaped and shortened", "[cli][hostile]") {
    const ScratchDir dir("hostile-line");
    const auto group = [](const std::string& status) {
        return json::array({{{"enrollmentGroupId", "g"},
                             {"attestation", {{"type", "x509"}}},
                             {"provisioningStatus", status}}})
            .dump();
    };
    const auto newline =
        dir.write("newline.json", "{\"enrollmentGroups\": " + group("bad\nvalue") + "}");
    check_one_line_error(run_cli(simulate({demo("devices/device-1.pem")}, newline.string())),
                         {"newline.json:/enrollmentGroups/0/provisioningStatus", "'bad\\nvalue'"});

    const auto huge = dir.write(
        "huge.json", "{\"enrollmentGroups\": " + group(std::string(5'000'000, 'v')) + "}");
    const auto r = run_cli(lint({}, huge.string()));
    check_one_line_error(r, {"huge.json:/enrollmentGroups/0/provisioningStatus", "bytes]'"});
    CHECK(r.err.size() < 1024);

    const auto config = dir.write("config.json", "{\"enable\": [\"no\\nsuch\\u001b[2Jrule\"]}");
    check_one_line_error(run_cli(lint({"--config", config.string()})),
                         {"config.json:/enable/0", "'no\\nsuch\\x1B[2Jrule' matches no rule"});
}

TEST_CASE("hostile 6: a file name with a newline stays on one line", "[cli][hostile]") {
    const ScratchDir dir("hostile-newline-name");
    const auto bad = dir.write("two\nlines.pem", "not a certificate").string();
    const auto r = run_cli(verify({good_device(), bad}));
    check_no_crash(r);
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(contains(r.err, "two\\nlines.pem"));
    CHECK(contains(r.out, "two\\nlines.pem: UNREADABLE"));
    CHECK_FALSE(contains(r.out, "two\nlines"));

    const auto missing = run_cli({"verify", good_device(), "--trust", "no\nsuch\nfile"});
    check_one_line_error(missing, {"no\\nsuch\\nfile"});
}

TEST_CASE("hostile 6: a CN and a SAN with a newline do not split lines of text output",
          "[cli][hostile]") {
    const std::string file = testdata("hostile/cn-newline.pem").string();
    const ScratchDir dir("hostile-cn-newline");
    const auto csv = dir / "report.csv";
    const std::vector<std::vector<std::string>> runs{
        verify({file}),
        simulate({file}),
        lint({file}),
        batch_trust({"--report", csv.string(), "--report-format", "csv", file}),
        batch_snapshot({file}),
    };
    for (const auto& args : runs) {
        const auto r = run_cli(args);
        INFO(args[0]);
        check_no_crash(r);
        CHECK_FALSE(contains(r.out, "line1\nline2"));
        CHECK_FALSE(contains(r.out, "x\ny"));
    }
    const auto s = run_cli(simulate({file}));
    CHECK(contains(s.out, "CN=line1\\0Aline2"));  // RFC 4514 escape in the chain
    const std::string report = read_text(csv);
    check_clean(report);
    CHECK(std::count(report.begin(), report.end(), '\n') == 2);  // header + the device
}

// --- 7. Same rule everywhere: report the good files, exit 2 -----------------------------------

TEST_CASE("hostile 7: lint reports the readable devices when one is unreadable", "[cli][hostile]") {
    const auto r = run_cli(
        lint({"--format", "json", demo("devices/sensor-bad-cn.pem"), demo("devices/missing.pem")}));
    check_no_crash(r);
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    const auto doc = parse(r);
    bool unreadable = false, device_rule = false;
    for (const auto& f : doc["findings"]) {
        unreadable |= f["rule"] == "input.unreadable"
                      && contains(f["location"]["file"].get<std::string>(), "missing.pem");
        device_rule |= f["rule"] == "device.cn-invalid";
    }
    CHECK(unreadable);
    CHECK(device_rule);

    const auto text =
        run_cli(lint({demo("devices/sensor-bad-cn.pem"), demo("devices/missing.pem")}));
    check_no_crash(text);
    CHECK(text.exit_code == 2);
    CHECK(contains(text.out, "input.unreadable"));
    CHECK(contains(text.out, "device.cn-invalid"));
}

// --- 8. Numeric options have ranges ------------------------------------------------------------

TEST_CASE("hostile 8: rule options out of their documented range are refused", "[cli][hostile]") {
    const ScratchDir dir("hostile-range");
    for (const std::string value :
         {"9223372036854775807", "-9223372036854775808", "18446744073709551615", "-1", "36501"}) {
        const auto config = dir.write(
            "config.json", R"({"options": {"device.expiring-soon": {"days": )" + value + "}}}");
        INFO(value);
        check_one_line_error(
            run_cli(lint({"--config", config.string(), demo("devices/device-1.pem")})),
            {"config.json:/options/device.expiring-soon/days", "expected integer from 0 to 36500"});
    }
    const auto ratio =
        dir.write("ratio.json", R"({"options": {"batch.sequential-serials": {"ratio": 1.5}}})");
    check_one_line_error(run_cli(lint({"--config", ratio.string()})),
                         {"ratio.json:/options/batch.sequential-serials/ratio", "from 0 to 1"});

    const auto edge =
        dir.write("edge.json", R"({"options": {"device.expiring-soon": {"days": 36500}}})");
    const auto ok = run_cli(
        lint({"--format", "json", "--config", edge.string(), demo("devices/device-1.pem")}));
    check_no_crash(ok);
    CHECK(ok.exit_code != 2);
    bool expiring = false;
    const auto doc = parse(ok);
    for (const auto& f : doc["findings"])
        expiring |= f["rule"] == "device.expiring-soon";
    CHECK(expiring);  // every certificate expires within 100 years
}

TEST_CASE("hostile 8: numeric command-line options out of range are usage errors",
          "[cli][hostile]") {
    const std::vector<std::vector<std::string>> cases{
        verify({"--min-rsa-bits", "99999999999", good_device()}),
        verify({"--min-rsa-bits", "-1", good_device()}),
        verify({"--max-depth", "0", good_device()}),
        batch_trust({"--max-file-size", "0", good_device()}),
        batch_trust({"--max-file-size", "18446744073709551616", good_device()}),
        batch_trust({"--jobs", "0", good_device()}),
        batch_trust({"--read-ahead", "100000", good_device()}),
        batch_trust({"--shard", "0/2", good_device()}),
    };
    for (const auto& args : cases) {
        const auto r = run_cli(args);
        INFO(r.err);
        check_no_crash(r);
        CHECK(r.exit_code == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
}

}  // namespace hostile_input_test
