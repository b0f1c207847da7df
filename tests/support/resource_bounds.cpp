#include "support/resource_bounds.hpp"

#include <cstdlib>

namespace dpslint::test {

namespace {

const char* binary_override() {
    const char* value = std::getenv("DPSLINT_TEST_BINARY");
    return value != nullptr && *value != '\0' ? value : nullptr;
}

}  // namespace

const std::string& binary_under_test() {
    static const std::string binary = binary_override() ? binary_override() : DPSLINT_BINARY;
    return binary;
}

bool binary_bounds_apply() {
    return !sanitized_build || binary_override() != nullptr;
}

std::chrono::steady_clock::duration in_process_limit(std::chrono::steady_clock::duration limit) {
    return sanitized_build ? limit * 10 : limit;
}

}  // namespace dpslint::test
