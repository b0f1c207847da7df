#include "finding_json.hpp"

#include "dpslint/output_text.hpp"

namespace dpslint::cli {

nlohmann::json to_json(const Location& l) {
    nlohmann::json j = nlohmann::json::object();
    if (!l.file.empty())
        j["file"] = l.file;
    if (l.certificate_index)
        j["certificateIndex"] = *l.certificate_index;
    if (l.line)
        j["line"] = *l.line;
    if (l.column)
        j["column"] = *l.column;
    if (l.end_line)
        j["endLine"] = *l.end_line;
    if (l.end_column)
        j["endColumn"] = *l.end_column;
    if (!l.json_pointer.empty())
        j["jsonPointer"] = l.json_pointer;
    if (!l.enrollment_kind.empty())
        j["enrollmentKind"] = l.enrollment_kind;
    if (!l.enrollment_id.empty())
        j["enrollmentId"] = l.enrollment_id;
    if (!l.subject.empty())
        j["subject"] = l.subject;
    if (!l.sha256.empty())
        j["sha256"] = l.sha256;
    if (l.path_position)
        j["pathPosition"] = *l.path_position;
    return j;
}

nlohmann::json to_json(const Finding& f) {
    return nlohmann::json{{"rule", f.id},
                          {"severity", std::string(to_string(f.severity))},
                          {"message", one_line(f.message)},
                          {"location", to_json(f.location)},
                          {"citation", f.citation}};
}

nlohmann::json to_json(const std::vector<Finding>& findings) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : findings)
        out.push_back(to_json(f));
    return out;
}

nlohmann::json certificate_summary(const Certificate& c) {
    return nlohmann::json{{"subject", c.subject().text()},
                          {"issuer", c.issuer().text()},
                          {"serial", c.serial_hex()},
                          {"sha1", c.sha1()},
                          {"sha256", c.sha256()},
                          {"notBefore", format_rfc3339(c.not_before())},
                          {"notAfter", format_rfc3339(c.not_after())}};
}

}  // namespace dpslint::cli
