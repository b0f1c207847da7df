// Fuzz target: a shard report of `batch --report` (JSON Lines; the seeds are single lines) merged
// by batch-merge in every output format. The merged report must be JSON Lines again.

#include <cstdint>
#include <string>

#include "common_options.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dpslint;
    const std::string shard = fuzz::write_input("shard.jsonl", data, size).string();
    const std::string merged = (fuzz::scratch() / "merged.jsonl").string();
    for (const auto format : cli::output_formats) {
        const auto result =
            fuzz::run_cli({"batch-merge", "--at", "2026-12-01T00:00:00Z", "--format",
                           std::string(format), "--report", merged, shard},
                          format == "json");
        if (result.status != 2)
            fuzz::check_json_lines(fuzz::read_text(merged), "the merged report");
    }
    return 0;
}
