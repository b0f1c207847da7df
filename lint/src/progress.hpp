#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>

namespace dpslint::cli {

// "[#####.....] 52,311/100,000  52%  4,310/s  ETA 0:11" on stderr, redrawn at most ten times a
// second, only when stderr is a terminal and the user did not ask for --quiet.
class ProgressBar {
public:
    ProgressBar(std::ostream& err, bool enabled, std::uint64_t total);
    void update(std::uint64_t done);
    void finish();
    bool enabled() const noexcept { return enabled_; }

private:
    void draw(std::uint64_t done);

    std::ostream& err_;
    bool enabled_;
    std::uint64_t total_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

bool stderr_is_terminal();

}  // namespace dpslint::cli
