#include "dpslint/lint/config.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

#include "dpslint/error.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/json_input.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/regex.hpp"

namespace dpslint::lint {

std::optional<FailLevel> parse_fail_level(std::string_view text) noexcept {
    if (text == "error")
        return FailLevel::error;
    if (text == "warning")
        return FailLevel::warning;
    if (text == "notice")
        return FailLevel::notice;
    if (text == "never")
        return FailLevel::never;
    return std::nullopt;
}

std::string_view to_string(FailLevel level) noexcept {
    switch (level) {
        case FailLevel::error:
            return "error";
        case FailLevel::warning:
            return "warning";
        case FailLevel::notice:
            return "notice";
        case FailLevel::never:
            break;
    }
    return "never";
}

bool fails(const std::vector<Finding>& findings, FailLevel level) {
    switch (level) {
        case FailLevel::never:
            return false;
        case FailLevel::notice:
            return has_severity_at_least(findings, Severity::notice);
        case FailLevel::warning:
            return has_severity_at_least(findings, Severity::warning);
        case FailLevel::error:
            break;
    }
    return has_severity_at_least(findings, Severity::error);
}

bool glob_match(std::string_view pattern, std::string_view text) noexcept {
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

namespace {

const Rule* find_rule(const std::vector<const Rule*>& rules, std::string_view id) {
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [&](const Rule* r) { return r->metadata().id == id; });
    return it == rules.end() ? nullptr : *it;
}

void check_pattern(const JsonCursor& at, const std::string& pattern,
                   const std::vector<const Rule*>& rules) {
    const bool matches = std::any_of(rules.begin(), rules.end(), [&](const Rule* r) {
        return glob_match(pattern, r->metadata().id);
    });
    if (!matches)
        at.fail(quote_input(pattern) + " matches no rule (see `dpslint rules`)");
}

std::vector<std::string> read_patterns(const JsonCursor& config, std::string_view key,
                                       const std::vector<const Rule*>& rules) {
    std::vector<std::string> out;
    const auto list = config.optional_array(key);
    if (!list)
        return out;
    for (const auto& item : list->array()) {
        out.push_back(item.as_string());
        check_pattern(item, out.back(), rules);
    }
    return out;
}

// A numeric value outside the option's range (its type is checked already). Compared without
// converting to long long first: 18446744073709551615 must not wrap into range.
void check_range(const JsonCursor& at, const RuleOption& option) {
    const auto& v = at.value();
    bool below = false;
    bool above = false;
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        below = option.minimum && static_cast<long double>(u) < *option.minimum;
        above = option.maximum && static_cast<long double>(u) > *option.maximum;
    } else if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        below = option.minimum && static_cast<long double>(i) < *option.minimum;
        above = option.maximum && static_cast<long double>(i) > *option.maximum;
    } else {
        const auto d = v.get<double>();
        below = option.minimum && d < *option.minimum;
        above = option.maximum && d > *option.maximum;
    }
    if (below || above) {
        at.fail(v.dump() + " is out of range for option '" + option.name + "': expected "
                + std::string(to_string(option.type)) + " " + option_range_text(option));
    }
}

void check_option_value(const JsonCursor& at, const RuleOption& option) {
    const auto& v = at.value();
    const auto wrong = [&](const char* expected) {
        at.fail(std::string("expected ") + expected + ", got " + std::string(json_type_name(v)));
    };
    if (option.type == OptionType::integer) {
        if (!v.is_number_integer())
            wrong("integer");
        check_range(at, option);
    } else if (option.type == OptionType::number) {
        if (!v.is_number())
            wrong("number");
        check_range(at, option);
    } else if (option.type == OptionType::boolean) {
        if (!v.is_boolean())
            wrong("boolean");
    } else if (option.type == OptionType::string) {
        if (!v.is_string())
            wrong("string");
    } else if (option.type == OptionType::regex) {
        if (!v.is_string())
            wrong("string (a regular expression)");
        std::string error;
        if (!Regex::compile(v.get_ref<const std::string&>(), error))
            at.fail("invalid regular expression: " + error);
    } else if (option.type == OptionType::string_list) {
        if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const nlohmann::json& e) {
                return e.is_string();
            })) {
            wrong("array of strings");
        }
    }
}

std::optional<TimePoint> parse_date(const JsonCursor& at) {
    const auto text = at.as_string();
    auto t = parse_rfc3339(text);
    if (!t)
        at.fail("expected a date (YYYY-MM-DD or RFC 3339), got " + quote_input(text));
    return t;
}

}  // namespace

LintConfig parse_lint_config(std::string_view text, const std::string& file,
                             const std::vector<const Rule*>& rules) {
    const nlohmann::json doc = parse_json_strict(text, file);
    const JsonCursor config(doc, file);
    config.expect_object();
    static const std::set<std::string> known{"$schema",  "$comment", "enable",       "disable",
                                             "severity", "options",  "suppressions", "failOn"};
    for (const auto& [key, value] : doc.items()) {
        if (known.count(key) == 0) {
            config.fail_at(key, "unknown key " + quote_input(key) + " (expected one of: enable, disable, "
                                "severity, options, suppressions, failOn)");
        }
    }

    LintConfig out;
    out.file = file;
    out.enable = read_patterns(config, "enable", rules);
    out.disable = read_patterns(config, "disable", rules);

    if (const auto severity = config.optional_object("severity")) {
        for (const auto& [pattern, value] : severity->value().items()) {
            const JsonCursor entry = severity->child(pattern);
            check_pattern(entry, pattern, rules);
            const auto level = parse_severity(entry.as_string());
            if (!level)
                entry.fail("expected error, warning or notice");
            out.severity.emplace_back(pattern, *level);
        }
    }

    if (const auto options = config.optional_object("options")) {
        for (const auto& [id, value] : options->value().items()) {
            const JsonCursor rule_options = options->child(id);
            const Rule* rule = find_rule(rules, id);
            if (rule == nullptr)
                rule_options.fail("unknown rule " + quote_input(id));
            rule_options.expect_object();
            for (const auto& item : value.items()) {
                // A named variable, not a structured binding: clang 14 cannot capture those.
                const std::string& name = item.key();
                const auto& declared = rule->metadata().options;
                const auto option =
                    std::find_if(declared.begin(), declared.end(),
                                 [&](const RuleOption& o) { return o.name == name; });
                if (option == declared.end()) {
                    std::string names;
                    for (const auto& o : declared)
                        names += (names.empty() ? "" : ", ") + o.name;
                    rule_options.fail_at(name, "rule " + id + " has no option " + quote_input(name)
                                                   + (names.empty() ? " (it has no options)"
                                                                    : " (options: " + names + ")"));
                }
                check_option_value(rule_options.child(name), *option);
            }
            out.options[id] = value;
        }
    }

    if (const auto suppressions = config.optional_array("suppressions")) {
        for (const auto& entry : suppressions->array()) {
            entry.expect_object();
            for (const auto& [key, value] : entry.value().items()) {
                if (key != "rule" && key != "reason" && key != "expires" && key != "target") {
                    entry.fail_at(key, "unknown key " + quote_input(key)
                                           + " (expected rule, reason, expires, target)");
                }
            }
            Suppression s;
            s.rule = entry.required_string("rule");
            check_pattern(entry.child("rule"), s.rule, rules);
            s.reason = entry.required_string("reason");
            if (s.reason.find_first_not_of(" \t") == std::string::npos) {
                entry.fail_at("reason", "a suppression must say why");
            }
            if (const auto expires = entry.optional_child("expires"))
                s.expires = parse_date(*expires);
            s.target = entry.optional_string("target").value_or("");
            s.source = SourceRef{file, entry.pointer()};
            out.suppressions.push_back(std::move(s));
        }
    }

    if (const auto fail_on = config.optional_string("failOn")) {
        out.fail_on = parse_fail_level(*fail_on);
        if (!out.fail_on)
            config.fail_at("failOn", "expected error, warning, notice or never");
    }
    return out;
}

LintConfig load_lint_config(const std::filesystem::path& path,
                            const std::vector<const Rule*>& rules) {
    const Bytes bytes = read_input_file(path, max_config_bytes, "configuration file");
    return parse_lint_config(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), path.string(),
        rules);
}

nlohmann::json example_config(const std::vector<const Rule*>& rules) {
    nlohmann::json options = nlohmann::json::object();
    for (const Rule* rule : rules) {
        const auto& m = rule->metadata();
        if (m.options.empty())
            continue;
        nlohmann::json values = nlohmann::json::object();
        for (const auto& o : m.options)
            values[o.name] = o.default_value.json();
        options[m.id] = values;
    }
    return nlohmann::json{
        {"$comment",
         "dpslint configuration. Every key is optional; this file shows each rule option with its "
         "default. Patterns are rule ids or globs ('twin.*')."},
        {"enable", nlohmann::json::array({"device.cn-pattern"})},
        {"disable", nlohmann::json::array()},
        {"severity", {{"device.cn-uppercase", "warning"}}},
        {"options", options},
        {"suppressions",
         nlohmann::json::array(
             {{{"rule", "enrollment.ca-is-root"},
               {"target", "legacy-fleet"},
               {"reason", "Root-level group kept until the 2027 re-issue (IOT-123)"},
               {"expires", "2027-06-30"}}})},
        {"failOn", "error"}};
}

}  // namespace dpslint::lint
