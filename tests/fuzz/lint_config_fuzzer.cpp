// Fuzz target: a lint configuration file (.dpslint.json), used by lint over the demo snapshot and
// devices in every output format (the devices' CNs meet configured patterns), on both backends.

#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string snapshot = dpslint::fuzz::testdata("demo/snapshot");
    dpslint::fuzz::lint(snapshot, dpslint::fuzz::write_input("config.json", data, size).string());
    return 0;
}
