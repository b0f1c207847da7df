#include "dpslint/pem.hpp"

#include "dpslint/base64.hpp"
#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint {

namespace {

constexpr std::string_view begin_marker = "-----BEGIN ";
constexpr std::string_view end_marker = "-----END ";
constexpr std::string_view dashes = "-----";

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

// "-----BEGIN CERTIFICATE-----" -> "CERTIFICATE"; empty when the line is not such a marker.
std::string_view marker_label(std::string_view line, std::string_view marker) {
    line = trim(line);
    if (line.substr(0, marker.size()) != marker)
        return {};
    line.remove_prefix(marker.size());
    if (line.size() < dashes.size() || line.substr(line.size() - dashes.size()) != dashes) {
        return {};
    }
    return line.substr(0, line.size() - dashes.size());
}

std::string place(std::size_t number, std::size_t line) {
    return "block " + std::to_string(number) + " (line " + std::to_string(line) + ")";
}

// A label in a message: any bytes, shortened.
std::string shown(std::string_view label) {
    return one_line(label, max_quoted_bytes);
}

}  // namespace

bool PemBlock::is_private_key() const noexcept {
    return label.find("PRIVATE KEY") != std::string::npos;
}

bool contains_pem(std::string_view text) {
    return text.find(begin_marker) != std::string::npos;
}

std::vector<PemBlock> scan_pem(const std::string& display_name, std::string_view text) {
    std::vector<PemBlock> blocks;
    std::size_t pos = 0;
    std::size_t line_number = 0;
    PemBlock* open = nullptr;
    std::string body;
    bool in_headers = false;
    while (pos < text.size()) {
        const std::size_t eol = text.find('\n', pos);
        const std::string_view line =
            text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        ++line_number;

        if (open == nullptr) {
            const std::string_view label = marker_label(line, begin_marker);
            if (label.empty())
                continue;
            blocks.push_back(PemBlock{std::string(label), line_number, blocks.size() + 1, {}});
            open = &blocks.back();
            body.clear();
            in_headers = true;
            continue;
        }
        if (const std::string_view end = marker_label(line, end_marker); !end.empty()) {
            if (end != open->label) {
                throw InputError(display_name, place(open->number, open->line),
                                 "BEGIN " + shown(open->label) + " closed by END " + shown(end)
                                     + " at line " + std::to_string(line_number));
            }
            if (!open->is_private_key() && !base64_decode(body, open->der)) {
                throw InputError(display_name, place(open->number, open->line),
                                 "invalid base64 in PEM body");
            }
            open = nullptr;
            continue;
        }
        if (!marker_label(line, begin_marker).empty()) {
            throw InputError(display_name, place(open->number, open->line),
                             "no END " + shown(open->label) + " line before the next BEGIN at line "
                                 + std::to_string(line_number));
        }
        // RFC 1421 encapsulated headers ("Proc-Type: ...") precede the body of encrypted keys.
        if (in_headers && line.find(':') != std::string_view::npos)
            continue;
        in_headers = false;
        if (!open->is_private_key())
            body.append(trim(line));
    }
    if (open != nullptr) {
        throw InputError(display_name, place(open->number, open->line),
                         "no END " + shown(open->label) + " line (truncated PEM)");
    }
    return blocks;
}

}  // namespace dpslint
