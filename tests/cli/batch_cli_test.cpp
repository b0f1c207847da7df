// dpslint batch and batch-merge on committed small batches, as a factory QA job would run them.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::testdata;
namespace fs = std::filesystem;

namespace batch_cli_test {

namespace {

// A scratch directory removed at the end of the test.
struct Scratch {
    fs::path path;
    Scratch() {
        path =
            fs::temp_directory_path()
            / ("dpslint-batch-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<nlohmann::json> lines_of(const fs::path& p) {
    std::vector<nlohmann::json> out;
    std::istringstream in(slurp(p));
    std::string line;
    while (std::getline(in, line))
        out.push_back(nlohmann::json::parse(line));
    return out;
}

std::vector<std::string> trust_args() {
    return {"batch",
            "--trust",
            testdata("batch/ca/root.pem").string(),
            "--untrusted",
            testdata("batch/ca/intermediate.pem").string(),
            "--untrusted",
            testdata("batch/ca/intermediate-2.pem").string(),
            "--at",
            "2030-01-01T00:00:00Z",
            "--quiet"};
}

std::vector<std::string> with(std::vector<std::string> extra) {
    auto args = trust_args();
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("batch: every input file is accounted for exactly once", "[cli][batch]") {
    Scratch scratch;
    const fs::path tree = scratch.path / "messy";
    fs::copy(testdata("batch/messy"), tree, fs::copy_options::recursive);
    fs::create_directory_symlink("..", tree / "nested" / "loop");  // a directory symlink loop
    fs::create_symlink(tree / "gone.pem", tree / "dangling.pem");  // unreadable: dangling link
    std::ofstream(tree / "locked.pem") << "x";
    ::chmod((tree / "locked.pem").c_str(), 0);  // unreadable unless we run as root
    std::vector<std::string> expected_files;
    for (const auto& e : fs::recursive_directory_iterator(tree)) {
        if (!e.is_symlink() && e.is_regular_file())
            expected_files.push_back(e.path().string());
    }
    const fs::path report = scratch.path / "report.jsonl";

    const auto r =
        run_dpslint(with({"--format", "json", "--report", report.string(), tree.string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);  // rejected files are error findings
    const auto summary = nlohmann::json::parse(r.out)["summary"];
    const auto lines = lines_of(report);

    std::multiset<std::string> files;  // one entry per input file
    std::size_t checked_lines = 0, rejected_lines = 0;
    std::set<std::string> seen_checked;
    for (const auto& l : lines) {
        if (l["status"] == "rejected") {
            ++rejected_lines;
            files.insert(l["file"].get<std::string>());
        } else {
            ++checked_lines;
            if (seen_checked.insert(l["file"].get<std::string>()).second)
                files.insert(l["file"].get<std::string>());
        }
    }
    for (const auto& f : expected_files) {
        INFO(f);
        CHECK(files.count(f) == 1);
    }
    CHECK(files.count((tree / "dangling.pem").string()) == 1);
    CHECK(files.count((tree / "nested" / "loop").string()) == 1);
    CHECK(summary["filesSeen"] == files.size());
    CHECK(summary["filesSeen"]
          == summary["filesChecked"].get<int>() + summary["filesRejected"].get<int>());
    CHECK(summary["filesRejected"] == rejected_lines);
    CHECK(summary["devices"] == checked_lines);
    CHECK(summary["rejectedByReason"]["input.unreadable"].get<int>() >= 2);
    CHECK(summary["rejectedByReason"]["input.not-a-certificate"].get<int>() >= 3);
    for (const auto& l : lines) {
        if (l["file"] == (tree / "bundle.pem").string())
            CHECK(l["status"] == "checked");
    }
}

TEST_CASE("batch: --jobs 1 and --jobs 4 give byte-identical output", "[cli][batch]") {
    Scratch scratch;
    const auto run = [&](const std::string& jobs) {
        const fs::path report = scratch.path / ("jobs-" + jobs + ".jsonl");
        const auto r = run_dpslint(
            with({"--jobs", jobs, "--format", "json", "--report", report.string(),
                  testdata("batch/good").string(), testdata("batch/duplicates").string(),
                  testdata("batch/sequential").string()}));
        auto summary = nlohmann::json::parse(r.out);
        summary.erase("report");  // names the report file, which differs on purpose
        return std::make_pair(summary.dump(), slurp(report));
    };
    const auto one = run("1");
    const auto four = run("4");
    CHECK(one.first == four.first);
    CHECK(one.second == four.second);
    CHECK_FALSE(one.second.empty());
}

TEST_CASE("batch: two shards merged equal one unsharded run, duplicates across shards included",
          "[cli][batch]") {
    Scratch scratch;
    const std::vector<std::string> inputs{testdata("batch/duplicates").string(),
                                          testdata("batch/good").string()};
    const auto run = [&](std::vector<std::string> extra, const fs::path& report) {
        extra.push_back("--format");
        extra.push_back("json");
        extra.push_back("--report");
        extra.push_back(report.string());
        extra.insert(extra.end(), inputs.begin(), inputs.end());
        const auto r = run_dpslint(with(extra));
        INFO(r.err);
        REQUIRE(r.exit_code != 2);
        return nlohmann::json::parse(r.out);
    };
    const auto whole = run({}, scratch.path / "whole.jsonl");
    run({"--shard", "1/2"}, scratch.path / "s1.jsonl");
    run({"--shard", "2/2"}, scratch.path / "s2.jsonl");

    const auto merged = run_dpslint(
        {"batch-merge", "--format", "json", "--report", (scratch.path / "merged.jsonl").string(),
         (scratch.path / "s2.jsonl").string(), (scratch.path / "s1.jsonl").string()});
    INFO(merged.err);
    REQUIRE(merged.exit_code != 2);
    const auto m = nlohmann::json::parse(merged.out);
    CHECK(slurp(scratch.path / "merged.jsonl") == slurp(scratch.path / "whole.jsonl"));
    CHECK(m["summary"] == whole["summary"]);
    CHECK(m["findings"] == whole["findings"]);

    std::set<std::string> ids;
    for (const auto& f : m["findings"])
        ids.insert(f["rule"].get<std::string>());
    CHECK(ids.count("batch.duplicate-registration-id") == 1);
    CHECK(ids.count("batch.duplicate-certificate") == 1);
    CHECK(ids.count("batch.shared-key") == 1);
    CHECK(ids.count("batch.duplicate-serial") == 1);
    CHECK(ids.count("input.private-key-present") == 1);

    const auto overlap = run_dpslint({"batch-merge", (scratch.path / "s1.jsonl").string(),
                                      (scratch.path / "s1.jsonl").string()});
    CHECK(overlap.exit_code == 2);
    CHECK_THAT(overlap.err, Catch::Contains("overlap"));
}

TEST_CASE("batch: paths from standard input and a CSV report", "[cli][batch]") {
    Scratch scratch;
    const fs::path report = scratch.path / "report.csv";
    const std::string list = testdata("batch/good/device-0001.pem").string() + "\n"
                             + testdata("batch/good/device-0002.pem").string() + "\n";
    const auto r =
        run_dpslint(with({"--report", report.string(), "--report-format", "csv", "-"}), {}, list);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const auto csv = slurp(report);
    CHECK(csv.rfind("sequence,file,certificate_index,status,", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
    CHECK_THAT(csv, Catch::Contains("device-0002.pem,0,checked,device-0002,"));
}

TEST_CASE("batch: usage errors exit 2", "[cli][batch]") {
    CHECK(run_dpslint({"batch", testdata("batch/good").string()}).exit_code == 2);
    CHECK(run_dpslint(with({"--shard", "3/2", testdata("batch/good").string()})).exit_code == 2);
    CHECK(run_dpslint(with({"--shard", "x", testdata("batch/good").string()})).exit_code == 2);
    CHECK(run_dpslint({"batch", "--snapshot", testdata("demo/snapshot").string(), "--trust",
                       testdata("batch/ca/root.pem").string(), testdata("batch/good").string()})
              .exit_code
          == 2);
}

}  // namespace batch_cli_test
