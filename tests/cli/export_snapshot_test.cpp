// Runs scripts/export-snapshot.sh for real, with a stand-in `az` (tests/fixtures/fake-az/az) first
// on PATH that replays recorded CLI output and logs its calls, then loads what the script wrote.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/snapshot.hpp"

#include "support/testdata.hpp"

namespace fs = std::filesystem;
using namespace dpslint;

namespace export_snapshot_test {

namespace {

// A fresh directory under the system temp dir, removed with everything in it afterwards.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path()
                / ("dpslint-export-test-" + std::to_string(::getpid()) + "-" + std::to_string(ticks)
                   + "-" + std::to_string(random()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

std::string quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> read_lines(const fs::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs the export script with `environment` ("NAME=value ..." already quoted) prepended and
// `arguments` quoted one by one.
Run run_script(const TempDir& tmp, const std::string& environment,
               const std::vector<std::string>& arguments) {
    const fs::path script = test::source_dir() / "scripts" / "export-snapshot.sh";
    std::string command = environment + " " + quote(script.string());
    for (const auto& argument : arguments)
        command += " " + quote(argument);
    const fs::path out = tmp.path() / "stdout.txt";
    const fs::path err = tmp.path() / "stderr.txt";
    command += " >" + quote(out.string()) + " 2>" + quote(err.string());
    const int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = read_text(out);
    run.err = read_text(err);
    return run;
}

// PATH with the fake az first, its call log, and no DPSLINT_AZ override from the caller.
std::string fake_az_environment(const TempDir& tmp, const std::string& extra = {}) {
    const fs::path fake = test::source_dir() / "tests" / "fixtures" / "fake-az";
    const char* path = std::getenv("PATH");
    return "PATH=" + quote(fake.string() + ":" + (path ? path : "/usr/bin:/bin"))
           + " FAKE_AZ_LOG=" + quote((tmp.path() / "az-calls.log").string()) + " DPSLINT_AZ=az"
           + (extra.empty() ? "" : " " + extra);
}

std::vector<std::string> export_arguments(const fs::path& out) {
    return {"--dps-name", "contoso-dps", "--resource-group", "rg-iot", "--out", out.string()};
}

const CryptoBackend& backend() {
    static const std::unique_ptr<CryptoBackend> instance = make_openssl_backend();
    REQUIRE(instance != nullptr);
    return *instance;
}

// Only what the test itself created may remain in `tmp`: no staging directory, no partial files.
void check_no_leftovers(const TempDir& tmp, const std::vector<std::string>& expected) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp.path()))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == expected);
}

}  // namespace

TEST_CASE("export-snapshot.sh writes the directory load_snapshot reads", "[export]") {
    TempDir tmp;
    const fs::path out = tmp.path() / "snapshot";
    auto arguments = export_arguments(out);
    arguments.push_back("--ca-dir");
    arguments.push_back(test::testdata("snapshots/list-style/ca").string());

    const Run run = run_script(tmp, fake_az_environment(tmp), arguments);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.find("copied 2 CA file(s)") != std::string::npos);

    // The calls az got, in order: one per part, one for the group ids, one per group.
    const std::string dps = "--dps-name contoso-dps --resource-group rg-iot";
    const std::string registrations = "iot dps enrollment-group registration list " + dps;
    CHECK(read_lines(tmp.path() / "az-calls.log")
          == std::vector<std::string>{
              "iot dps show --name contoso-dps --resource-group rg-iot -o json",
              "iot dps certificate list " + dps + " -o json",
              "iot dps enrollment-group list " + dps + " -o json",
              "iot dps enrollment list " + dps + " -o json",
              "iot dps linked-hub list " + dps + " -o json",
              "iot dps enrollment-group list " + dps + " --query [].enrollmentGroupId -o tsv",
              registrations + " --enrollment-id contoso-devices -o json",
              registrations + " --enrollment-id customer-a -o json",
              registrations + " --enrollment-id legacy-static -o json",
              registrations + " --enrollment-id symkey-fleet -o json",
          });

    // The az output is stored unchanged.
    const fs::path recordings = test::source_dir() / "tests/fixtures/fake-az/recordings";
    CHECK(read_text(out / "dps.json") == read_text(recordings / "dps-show.json"));
    CHECK(read_text(out / "enrollment-groups.json")
          == read_text(recordings / "enrollment-group-list.json"));
    CHECK(read_text(out / "registrations/legacy-static.json")
          == read_text(recordings / "registrations/legacy-static.json"));
    CHECK(read_text(out / "ca/contoso-root.pem")
          == read_text(test::testdata("snapshots/list-style/ca/contoso-root.pem")));

    const Snapshot s = load_snapshot(out, backend());
    CHECK(s.missing_parts.empty());
    REQUIRE(s.service.has_value());
    CHECK(s.service->name == "contoso-dps");
    CHECK(s.service->id_scope == "0ne00ABC123");
    REQUIRE(s.linked_hubs.has_value());
    CHECK(s.linked_hubs->size() == 2);
    CHECK((*s.linked_hubs)[0].source.file == (out / "linked-hubs.json").string());
    REQUIRE(s.groups.size() == 4);
    CHECK(s.groups[0].id == "contoso-devices");
    CHECK(s.groups[3].id == "symkey-fleet");
    REQUIRE(s.individuals.has_value());
    CHECK(s.individuals->size() == 3);
    REQUIRE(s.certificates.has_value());
    REQUIRE(s.certificates->size() == 3);
    CHECK((*s.certificates)[0].certificate != nullptr);
    CHECK((*s.certificates)[1].certificate != nullptr);
    CHECK((*s.certificates)[2].certificate == nullptr);
    CHECK(s.ca_files.size() == 3);
    REQUIRE(s.registrations.size() == 4);
    CHECK(s.registrations.at("contoso-devices").size() == 2);
    CHECK(s.registrations.at("customer-a").empty());
    REQUIRE(s.registrations.at("legacy-static").size() == 1);
    CHECK(s.registrations.at("legacy-static")[0].device_id == "legacy-001");
    CHECK(s.registrations.at("symkey-fleet").empty());

    check_no_leftovers(tmp, {"az-calls.log", "snapshot", "stderr.txt", "stdout.txt"});
}

TEST_CASE("export-snapshot.sh without --ca-dir says the CLI cannot export CA bodies", "[export]") {
    TempDir tmp;
    const fs::path out = tmp.path() / "snapshot";
    fs::create_directories(out);  // an existing empty directory is fine
    const Run run = run_script(tmp, fake_az_environment(tmp), export_arguments(out));
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.find("the az CLI cannot export CA certificate bodies") != std::string::npos);
    CHECK_FALSE(fs::exists(out / "ca"));
    const Snapshot s = load_snapshot(out, backend());
    CHECK(s.missing_parts
          == std::vector<std::string>{"ca/ absent: CA certificate bodies unknown; chains can only "
                                      "be completed from what devices present"});
    CHECK((*s.certificates)[0].certificate == nullptr);
}

TEST_CASE("export-snapshot.sh never copies private keys from --ca-dir", "[export]") {
    TempDir tmp;
    const fs::path cas = tmp.path() / "cas";
    fs::create_directories(cas);
    fs::copy_file(test::testdata("snapshots/list-style/ca/contoso-root.pem"), cas / "root.pem");
    std::ofstream(cas / "root.key.pem") << "-----BEGIN EC PRIVATE KEY-----\nAAAA\n"
                                           "-----END EC PRIVATE KEY-----\n";
    std::ofstream(cas / "notes.txt") << "uploaded 2024-03-05\n";
    const fs::path out = tmp.path() / "snapshot";
    auto arguments = export_arguments(out);
    arguments.push_back("--ca-dir");
    arguments.push_back(cas.string());

    const Run run = run_script(tmp, fake_az_environment(tmp), arguments);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.find("skipping " + (cas / "root.key.pem").string() + ": it holds a private key")
          != std::string::npos);
    CHECK(run.err.find("skipping " + (cas / "notes.txt").string() + ": not a certificate file")
          != std::string::npos);
    std::vector<std::string> copied;
    for (const auto& entry : fs::directory_iterator(out / "ca"))
        copied.push_back(entry.path().filename().string());
    CHECK(copied == std::vector<std::string>{"root.pem"});
    const Snapshot s = load_snapshot(out, backend());
    REQUIRE(s.ca_files.size() == 1);
    CHECK(s.ca_files[0].paired);
}

TEST_CASE("export-snapshot.sh fails clearly when az is missing or a command fails", "[export]") {
    TempDir tmp;
    const fs::path out = tmp.path() / "snapshot";

    SECTION("az not installed") {
        const Run run = run_script(tmp, "DPSLINT_AZ=dpslint-no-such-az", export_arguments(out));
        CHECK(run.status == 2);
        CHECK(run.err.find("export-snapshot.sh: error: the Azure CLI (dpslint-no-such-az) was not "
                           "found on PATH.")
              != std::string::npos);
        CHECK(run.err.find("az extension add --name azure-iot") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }

    SECTION("an az command fails: its message is shown and nothing is left behind") {
        const Run run = run_script(tmp, fake_az_environment(tmp, "FAKE_AZ_FAIL='certificate list'"),
                                   export_arguments(out));
        CHECK(run.status == 1);
        CHECK(run.err.find("ERROR: (AuthorizationFailed)") != std::string::npos);
        CHECK(run.err.find("export-snapshot.sh: error: 'az iot dps certificate list --dps-name "
                           "contoso-dps --resource-group rg-iot -o json' failed (see the az "
                           "message above)")
              != std::string::npos);
        CHECK(read_lines(tmp.path() / "az-calls.log").size() == 2);  // stopped at the failure
        CHECK_FALSE(fs::exists(out));
        check_no_leftovers(tmp, {"az-calls.log", "stderr.txt", "stdout.txt"});
    }

    SECTION("a registration list fails after the other parts were written") {
        const Run run =
            run_script(tmp, fake_az_environment(tmp, "FAKE_AZ_FAIL='registration list'"),
                       export_arguments(out));
        CHECK(run.status == 1);
        CHECK(run.err.find("--enrollment-id contoso-devices -o json' failed") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
        check_no_leftovers(tmp, {"az-calls.log", "stderr.txt", "stdout.txt"});
    }

    SECTION("the DPS does not exist") {
        const Run run = run_script(
            tmp, fake_az_environment(tmp),
            {"--dps-name", "other-dps", "--resource-group", "rg-iot", "--out", out.string()});
        CHECK(run.status == 1);
        CHECK(run.err.find("ERROR: (ResourceNotFound)") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("export-snapshot.sh usage errors and help", "[export]") {
    TempDir tmp;
    const fs::path out = tmp.path() / "snapshot";

    Run run = run_script(tmp, fake_az_environment(tmp),
                         {"--dps-name", "contoso-dps", "--out", out.string()});
    CHECK(run.status == 2);
    CHECK(run.err
          == "export-snapshot.sh: --resource-group is required\n"
             "Run 'export-snapshot.sh --help' for usage.\n");

    run = run_script(tmp, fake_az_environment(tmp), {"--dps-name"});
    CHECK(run.status == 2);
    CHECK(run.err.starts_with("export-snapshot.sh: --dps-name needs a value\n"));

    run = run_script(tmp, fake_az_environment(tmp), {"--bogus"});
    CHECK(run.status == 2);
    CHECK(run.err.starts_with("export-snapshot.sh: unknown argument '--bogus'\n"));

    fs::create_directories(out);
    std::ofstream(out / "dps.json") << "{}";
    run = run_script(tmp, fake_az_environment(tmp), export_arguments(out));
    CHECK(run.status == 2);
    CHECK(run.err.starts_with("export-snapshot.sh: --out '" + out.string()
                              + "' is not empty (files of an older export would mix in)\n"));
    CHECK_FALSE(fs::exists(tmp.path() / "az-calls.log"));  // refused before calling az

    run = run_script(tmp, fake_az_environment(tmp), {"--help"});
    CHECK(run.status == 0);
    CHECK(run.out.find("The Azure CLI cannot export CA certificate bodies") != std::string::npos);
    CHECK(run.out.find("--ca-dir DIR") != std::string::npos);
}

}  // namespace export_snapshot_test
