#include "dpslint/finding.hpp"

#include <algorithm>
#include <tuple>

namespace dpslint {

std::string_view to_string(Severity severity) noexcept {
    switch (severity) {
        case Severity::notice:
            return "notice";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view text) noexcept {
    if (text == "notice")
        return Severity::notice;
    if (text == "warning")
        return Severity::warning;
    if (text == "error")
        return Severity::error;
    return std::nullopt;
}

namespace {
// Absent optionals sort before present ones.
std::size_t key(const std::optional<std::size_t>& v) {
    return v ? *v + 1 : 0;
}

auto sort_key(const Finding& f) {
    const Location& l = f.location;
    return std::make_tuple(
        std::cref(l.file), key(l.certificate_index), key(l.line), std::cref(l.json_pointer),
        std::cref(l.enrollment_kind), std::cref(l.enrollment_id), std::cref(l.ca_name),
        std::cref(l.registration_id), key(l.path_position), std::cref(l.sha256), std::cref(l.sha1),
        std::cref(f.id), std::cref(f.message), std::cref(l.subject));
}
}  // namespace

bool finding_less(const Finding& a, const Finding& b) {
    return sort_key(a) < sort_key(b);
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), finding_less);
    findings.erase(std::unique(findings.begin(), findings.end()), findings.end());
}

bool has_severity_at_least(const std::vector<Finding>& findings, Severity level) {
    return std::any_of(findings.begin(), findings.end(),
                       [level](const Finding& f) { return f.severity >= level; });
}

}  // namespace dpslint
