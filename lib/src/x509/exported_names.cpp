// Subjects as the az CLI and the DPS service export them as text, matched against parsed names.

#include "dpslint/distinguished_name.hpp"
#include "dpslint/identifiers.hpp"

namespace dpslint {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// Splits at ',' and '+' that are not escaped with '\' (RFC 4514 §2.4) and drops the escapes.
std::vector<std::string> attributes(std::string_view text) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            out.back() += text[++i];
        } else if (c == ',' || c == '+' || c == ';') {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

std::string without_spaces_after_separators(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == ',' || text[i] == '+') {
            while (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> common_names_in_text(std::string_view exported) {
    exported = trim(exported);
    if (exported.empty())
        return {};
    if (exported.find('=') == std::string_view::npos)
        return {std::string(exported)};  // a bare CN value, as certificates.json often has it
    std::vector<std::string> out;
    for (const auto& attribute : attributes(exported)) {
        const auto equals = attribute.find('=');
        if (equals == std::string::npos)
            continue;
        const auto key = trim(std::string_view(attribute).substr(0, equals));
        if (iequals(key, "CN") || key == "2.5.4.3" || iequals(key, "OID.2.5.4.3"))
            out.emplace_back(trim(std::string_view(attribute).substr(equals + 1)));
    }
    return out;
}

bool exported_name_matches(std::string_view exported, const DistinguishedName& name) {
    exported = trim(exported);
    if (exported.empty())
        return false;
    for (const auto& cn : name.common_names()) {
        if (iequals(exported, cn) || iequals(exported, "CN=" + cn))
            return true;
    }
    return iequals(without_spaces_after_separators(exported), name.text());
}

}  // namespace dpslint
