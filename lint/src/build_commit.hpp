#pragma once

#include <string_view>

namespace dpslint::cli {

// The git commit dpslint was built from ("1a2b3c4d5e6f", "-dirty" appended when the tree had
// uncommitted changes); empty when unknown. Generated at build time
// (cmake/write-build-commit.cmake).
std::string_view build_commit() noexcept;

}  // namespace dpslint::cli
