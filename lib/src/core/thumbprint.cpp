#include "dpslint/thumbprint.hpp"

namespace dpslint {

std::string normalize_thumbprint(std::string_view thumbprint) {
    std::string out;
    out.reserve(thumbprint.size());
    for (const char c : thumbprint) {
        if (c == ':' || c == ' ')
            continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

bool same_thumbprint(std::string_view a, std::string_view b) {
    const std::string x = normalize_thumbprint(a);
    return !x.empty() && x == normalize_thumbprint(b);
}

}  // namespace dpslint
