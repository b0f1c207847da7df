#include "progress.hpp"

#include <cstdio>
#include <ostream>
#include <string>
#include <unistd.h>

namespace dpslint::cli {

namespace {

std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(std::ostream& err, bool enabled, std::uint64_t total)
    : err_(err),
      enabled_(enabled),
      total_(total),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::update(std::uint64_t done) {
    if (!enabled_)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100))
        return;
    last_draw_ = now;
    draw(done);
}

void ProgressBar::draw(std::uint64_t done) {
    constexpr int width = 30;
    const double fraction =
        total_ == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
    const int filled = static_cast<int>(fraction * width);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const double eta = rate > 0 && total_ > done ? static_cast<double>(total_ - done) / rate : 0.0;
    char tail[96];
    std::snprintf(tail, sizeof tail, "  %3d%%  %s/s  ETA %d:%02d", static_cast<int>(fraction * 100),
                  grouped(static_cast<std::uint64_t>(rate)).c_str(), static_cast<int>(eta) / 60,
                  static_cast<int>(eta) % 60);
    err_ << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << grouped(done)
         << "/" << grouped(total_) << tail << "\x1b[K" << std::flush;
}

void ProgressBar::finish() {
    if (!enabled_)
        return;
    draw(total_);
    err_ << '\n';
}

}  // namespace dpslint::cli
