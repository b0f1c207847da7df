#pragma once

// Time and memory bounds of the hostile-input tests, and which dpslint binary they hold to them.
// Sanitizers at -O0 take several times the time and memory of a release build, so a bound is
// checked only where it means something: CI runs the suite on a sanitizer build and then its
// resource tests again with DPSLINT_TEST_BINARY naming the release binary (scripts/test.sh).

#include <chrono>
#include <string>

namespace dpslint::test {

#if defined(DPSLINT_SANITIZED) || defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool sanitized_build = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) \
    || __has_feature(thread_sanitizer)
inline constexpr bool sanitized_build = true;
#else
inline constexpr bool sanitized_build = false;
#endif
#else
inline constexpr bool sanitized_build = false;
#endif

// The dpslint the CLI tests run: $DPSLINT_TEST_BINARY when set (a release build), else the one
// built with the tests.
const std::string& binary_under_test();

// Whether the binary under test is held to time and memory bounds: a release binary is, a
// sanitized one is not.
bool binary_bounds_apply();

// A time bound on work done inside this test program, ten times longer when it is sanitized.
std::chrono::steady_clock::duration in_process_limit(std::chrono::steady_clock::duration limit);

}  // namespace dpslint::test
