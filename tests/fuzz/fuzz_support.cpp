#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "common_options.hpp"

namespace dpslint::fuzz {

namespace {

class ScratchDir {
public:
    ScratchDir() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern =
            std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/dpslint-fuzz-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::perror("dpslint fuzz: mkdtemp");
            std::abort();
        }
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
};

[[noreturn]] void fail(const std::vector<std::string>& args, const std::string& why,
                       const CliResult& result) {
    std::string command = "dpslint";
    for (const auto& a : args)
        command += " " + a;
    std::fprintf(stderr, "\n*** dpslint fuzz: %s\n*** command: %s\n*** exit status %d\n",
                 why.c_str(), command.c_str(), result.status);
    std::fprintf(stderr, "*** stderr (first 2000 bytes):\n%.2000s\n", result.err.c_str());
    std::fprintf(stderr, "*** stdout (first 2000 bytes):\n%.2000s\n", result.out.c_str());
    std::abort();
}

}  // namespace

const std::filesystem::path& scratch() {
    static const ScratchDir dir;
    return dir.path();
}

std::filesystem::path write_input(std::string_view name, const std::uint8_t* data,
                                  std::size_t size) {
    return write_input(name, std::string_view(reinterpret_cast<const char*>(data), size));
}

std::filesystem::path write_input(std::string_view name, std::string_view text) {
    const auto path = scratch() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
        std::perror("dpslint fuzz: cannot write the input");
        std::abort();
    }
    return path;
}

std::string testdata(std::string_view relative) {
    return (std::filesystem::path(DPSLINT_TESTDATA_DIR) / relative).string();
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

CliResult run_cli(const std::vector<std::string>& args, bool json_output) {
    std::vector<std::string> storage;
    storage.reserve(args.size() + 1);
    storage.emplace_back("dpslint");
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    CliResult result;
    result.status = cli::run(static_cast<int>(storage.size()), argv.data(), in, out, err);
    result.out = out.str();
    result.err = err.str();

    if (result.status < 0 || result.status > 2)
        fail(args, "exit status outside 0..2", result);
    // The top level's message starts a line; the same words inside an echoed input do not count.
    if (result.err.rfind("dpslint: internal error: ", 0) == 0
        || result.err.find("\ndpslint: internal error: ") != std::string::npos)
        fail(args, "an exception escaped the command (\"internal error\")", result);
    if (result.status == 2 && result.err.empty())
        fail(args, "exit status 2 without a message on stderr", result);
    if (json_output && result.status != 2 && !nlohmann::json::accept(result.out))
        fail(args, "--format json output does not parse", result);
    return result;
}

namespace {

const std::vector<std::string>& demo_devices() {
    static const std::vector<std::string> devices{
        testdata("demo/devices/device-1.pem"), testdata("demo/devices/device-001.pem"),
        testdata("demo/devices/customer-a-0002.pem"), testdata("demo/devices/sensor-bad-cn.pem")};
    return devices;
}

// Each format once, the backends alternating.
template <typename Run>
void every_format(Run run) {
    static constexpr const char* backends[] = {"openssl", "botan"};
    std::size_t i = 0;
    for (const auto format : cli::output_formats)
        run(backends[i++ % 2], std::string(format));
}

}  // namespace

void lint(const std::string& snapshot, const std::string& lint_config) {
    every_format([&](const char* backend, const std::string& format) {
        std::vector<std::string> args{"lint",      "--at",       "2026-12-01T00:00:00Z",
                                      "--backend", backend,      "--format",
                                      format,      "--snapshot", snapshot,
                                      "--enable",  "*"};
        if (!lint_config.empty()) {
            args.push_back("--config");
            args.push_back(lint_config);
        }
        args.insert(args.end(), demo_devices().begin(), demo_devices().end());
        run_cli(args, format == "json");
    });
}

void lint_and_simulate(const std::string& snapshot) {
    lint(snapshot);
    every_format([&](const char* backend, const std::string& format) {
        std::vector<std::string> args{"simulate",  "--at",       "2026-12-01T00:00:00Z",
                                      "--backend", backend,      "--format",
                                      format,      "--snapshot", snapshot};
        args.insert(args.end(), demo_devices().begin(), demo_devices().end());
        run_cli(args, format == "json");
    });
}

void check_json_lines(std::string_view text, std::string_view what) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (!line.empty() && !nlohmann::json::accept(line)) {
            std::fprintf(stderr, "\n*** dpslint fuzz: a line of %.*s does not parse\n",
                         static_cast<int>(what.size()), what.data());
            std::abort();
        }
        start = end + 1;
    }
}

}  // namespace dpslint::fuzz
