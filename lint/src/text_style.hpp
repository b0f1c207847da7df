#pragma once

#include <string>
#include <string_view>

#include "dpslint/finding.hpp"

namespace dpslint::cli {

// ANSI colours for text reports, only when writing to a terminal (and NO_COLOR is unset).
class TextStyle {
public:
    static TextStyle for_stdout();
    static TextStyle plain() { return TextStyle(false); }

    std::string severity(Severity s) const;
    std::string bold(std::string_view text) const;
    std::string good(std::string_view text) const;
    std::string bad(std::string_view text) const;

private:
    explicit TextStyle(bool colour) : colour_(colour) {}
    std::string wrap(std::string_view code, std::string_view text) const;

    bool colour_;
};

// "  error    chain.expired  [0] CN=x: message (RFC 5280 §6.1.3 (a)(2))"
std::string format_finding_line(const Finding& finding, const TextStyle& style);

}  // namespace dpslint::cli
