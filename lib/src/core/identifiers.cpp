#include "dpslint/identifiers.hpp"

#include <algorithm>

namespace dpslint {

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string quote_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) {
        static constexpr char hex[] = "0123456789ABCDEF";
        return std::string("byte 0x") + hex[u >> 4] + hex[u & 0x0F];
    }
    return std::string("'") + c + "'";
}

std::vector<std::string> dps_id_problems(std::string_view id, std::size_t max_length,
                                         const char* what) {
    std::vector<std::string> problems;
    if (id.empty()) {
        problems.push_back(std::string(what) + " is empty");
        return problems;
    }
    if (id.size() > max_length) {
        problems.push_back(std::string(what) + " has " + std::to_string(id.size())
                           + " characters; at most " + std::to_string(max_length) + " are allowed");
    }
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        if (!is_alnum(c) && c != '-' && c != '.' && c != '_' && c != ':') {
            problems.push_back(std::string(what) + " contains " + quote_char(c) + " at position "
                               + std::to_string(i + 1)
                               + "; only letters, digits and - . _ : are allowed");
            break;
        }
    }
    if (!is_alnum(id.front())) {
        problems.push_back(std::string(what) + " starts with " + quote_char(id.front())
                           + "; the DPS API spec allows no special character at the start");
    }
    if (!is_alnum(id.back())) {
        problems.push_back(
            std::string(what) + " ends with " + quote_char(id.back())
            + (id.back() == '-'
                   ? "; the DPS docs allow a trailing '-' but the API spec (2021-10-01) forbids "
                     "special characters at the end, and dpslint follows the stricter reading"
                   : "; the last character must be alphanumeric"));
    }
    return problems;
}

}  // namespace

std::vector<std::string> registration_id_problems(std::string_view id, std::size_t max_length) {
    return dps_id_problems(id, max_length, "registration ID");
}

std::vector<std::string> enrollment_group_id_problems(std::string_view id) {
    return dps_id_problems(id, 128, "enrollment group ID");
}

std::vector<std::string> device_id_problems(std::string_view id) {
    static constexpr std::string_view specials = "-.%_*?!(),:=@$'";
    std::vector<std::string> problems;
    if (id.empty()) {
        problems.push_back("device ID is empty");
        return problems;
    }
    if (id.size() > 128) {
        problems.push_back("device ID has " + std::to_string(id.size())
                           + " characters; at most 128 are allowed");
    }
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        if (!is_alnum(c) && specials.find(c) == std::string_view::npos) {
            problems.push_back(
                "device ID contains " + quote_char(c) + " at position " + std::to_string(i + 1)
                + "; IoT Hub allows letters, digits and - . % _ * ? ! ( ) , : = @ $ '");
            break;
        }
    }
    return problems;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
    return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lx = (x >= 'A' && x <= 'Z') ? x + 32 : x;
               const auto ly = (y >= 'A' && y <= 'Z') ? y + 32 : y;
               return lx == ly;
           });
}

}  // namespace dpslint
