#include "text_style.hpp"

#include <cstdlib>
#include <unistd.h>

#include "dpslint/output_text.hpp"

namespace dpslint::cli {

TextStyle TextStyle::for_stdout() {
    return TextStyle(::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr);
}

std::string TextStyle::wrap(std::string_view code, std::string_view text) const {
    if (!colour_)
        return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

std::string TextStyle::severity(Severity s) const {
    std::string label(to_string(s));
    label.resize(7, ' ');
    switch (s) {
        case Severity::error:
            return wrap("31;1", label);
        case Severity::warning:
            return wrap("33", label);
        case Severity::notice:
            return wrap("36", label);
    }
    return label;
}

std::string TextStyle::bold(std::string_view text) const {
    return wrap("1", text);
}
std::string TextStyle::good(std::string_view text) const {
    return wrap("32", text);
}
std::string TextStyle::bad(std::string_view text) const {
    return wrap("31;1", text);
}

std::string format_finding_line(const Finding& f, const TextStyle& style) {
    std::string line = style.severity(f.severity) + " " + one_line(f.id) + ": ";
    const Location& l = f.location;
    if (l.path_position)
        line += "[" + std::to_string(*l.path_position) + "] ";
    if (l.line && !l.file.empty()) {
        line += one_line(l.file) + ":" + std::to_string(*l.line) + ": ";
    } else if (!l.json_pointer.empty() && !l.file.empty()) {
        line += one_line(l.file) + ":" + one_line(l.json_pointer) + ": ";  // a snapshot part
    } else if (f.id.rfind("input.", 0) == 0 && !l.file.empty()) {
        line += one_line(l.file) + ": ";  // an input file as a whole (a ca/ file)
    }
    line += one_line(f.message);
    if (!f.citation.empty())
        line += " (" + one_line(f.citation) + ")";
    return line;
}

}  // namespace dpslint::cli
