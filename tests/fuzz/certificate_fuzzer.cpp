// Fuzz target: the bytes of a device certificate file (PEM bundle or DER) checked against a CA
// pool (the test PKI's production intermediate as the trust anchor, the root beside it) through
// both backends, with every output format: `verify` in each --format and `batch --trust` in each
// --format and --report-format. Both backends must reach the same verdict (exit status). The
// anchor is the intermediate so that each run checks one signature besides the input's own: the
// P-384 root's would cost more than all the rest.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "batch_report.hpp"
#include "common_options.hpp"
#include "fuzz_support.hpp"

using namespace dpslint;

namespace {

constexpr const char* at = "2030-06-01T00:00:00Z";

int run_verify(const std::string& backend, std::string_view format, const std::string& device) {
    static const std::string root = fuzz::testdata("pki/ca/root.pem");
    static const std::string production = fuzz::testdata("pki/ca/production.pem");
    return fuzz::run_cli({"verify", "--at", at, "--backend", backend, "--format",
                          std::string(format), "--trust", production, "--untrusted", root, device},
                         format == "json")
        .status;
}

int run_batch(const std::string& backend, std::string_view format, std::string_view report_format,
              const std::string& device) {
    static const std::string root = fuzz::testdata("pki/ca/root.pem");
    static const std::string production = fuzz::testdata("pki/ca/production.pem");
    const std::string report = (fuzz::scratch() / "report").string();
    const std::vector<std::string> args{"batch",
                                        "--at",
                                        at,
                                        "--backend",
                                        backend,
                                        "--format",
                                        std::string(format),
                                        "--trust",
                                        production,
                                        "--untrusted",
                                        root,
                                        "--jobs",
                                        "1",
                                        "--read-ahead",
                                        "0",
                                        "--quiet",
                                        "--report",
                                        report,
                                        "--report-format",
                                        std::string(report_format),
                                        device};
    const auto result = fuzz::run_cli(args, format == "json");
    if (report_format == "jsonl")
        fuzz::check_json_lines(fuzz::read_text(report), "the batch report");
    return result.status;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string device = fuzz::write_input("device.pem", data, size).string();
    int verdict[2] = {0, 0};
    int slot = 0;
    for (const std::string backend : {"openssl", "botan"}) {
        for (const auto format : cli::output_formats)
            verdict[slot] = std::max(verdict[slot], run_verify(backend, format, device));
        // Every summary format and every report format, paired up.
        const std::size_t runs = std::max(cli::output_formats.size(), cli::report_formats.size());
        for (std::size_t i = 0; i < runs; ++i) {
            run_batch(backend, cli::output_formats[i % cli::output_formats.size()],
                      cli::report_formats[i % cli::report_formats.size()], device);
        }
        ++slot;
    }
    if (verdict[0] != verdict[1]) {
        std::fprintf(stderr, "\n*** dpslint fuzz: verify exits %d with openssl, %d with botan\n",
                     verdict[0], verdict[1]);
        std::abort();
    }
    return 0;
}
