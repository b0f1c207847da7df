#pragma once

#include <filesystem>
#include <string_view>

#include "dpslint/time.hpp"

namespace dpslint::test {

inline std::filesystem::path testdata(std::string_view relative) {
    return std::filesystem::path(DPSLINT_TESTDATA_DIR) / relative;
}

inline std::filesystem::path source_dir() {
    return std::filesystem::path(DPSLINT_SOURCE_DIR);
}

// The evaluation time every fixture under testdata/pki is designed for.
inline TimePoint fixture_time() {
    return make_time(2030, 6, 1);
}

}  // namespace dpslint::test
