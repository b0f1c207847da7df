// Fuzz target: a single-file snapshot (the JSON form of a DPS export, CA certificates inline)
// through every lint rule and through simulate, in every output format, on both backends.

#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dpslint::fuzz::lint_and_simulate(
        dpslint::fuzz::write_input("snapshot.json", data, size).string());
    return 0;
}
