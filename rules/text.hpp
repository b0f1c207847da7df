#pragma once

// Text helpers for finding messages, shared by every rule category.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace dpslint::rules {

// "a<separator>b<separator>c".
inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty())
            out += separator;
        out += part;
    }
    return out;
}

// "a, b and c"; with more than `shown` items, "a, b, c, d, e and 3 more".
inline std::string join_and(const std::vector<std::string>& items,
                            std::size_t shown = std::numeric_limits<std::size_t>::max()) {
    std::string out;
    const std::size_t n = std::min(items.size(), shown);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0)
            out += (i + 1 == n && items.size() <= shown) ? " and " : ", ";
        out += items[i];
    }
    if (items.size() > shown)
        out += " and " + std::to_string(items.size() - shown) + " more";
    return out;
}

// "'a', 'b'": each item's name in single quotes.
template <typename Range, typename Name>
std::string quoted_list(const Range& items, Name name) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += ", ";
        out += "'" + name(item) + "'";
    }
    return out;
}

// "1 device", "3 devices".
inline std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace dpslint::rules
