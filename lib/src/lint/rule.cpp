#include "dpslint/lint/rule.hpp"

#include <stdexcept>

namespace dpslint::lint {

std::string_view to_string(Scope scope) noexcept {
    switch (scope) {
        case Scope::snapshot:
            return "snapshot";
        case Scope::device:
            return "device";
        case Scope::certificate:
            return "certificate";
        case Scope::batch:
            break;
    }
    return "batch";
}

std::string_view to_string(Target target) noexcept {
    switch (target) {
        case Target::service:
            return "service";
        case Target::ca_record:
            return "ca-record";
        case Target::enrollment_group:
            return "enrollment-group";
        case Target::individual_enrollment:
            return "individual-enrollment";
        case Target::linked_hubs:
            return "linked-hubs";
        case Target::initial_twin:
            return "initial-twin";
        case Target::device_certificate:
            return "device-certificate";
        case Target::certificate:
            return "certificate";
        case Target::batch:
            break;
    }
    return "batch";
}

RuleOptions::RuleOptions(nlohmann::json values, const std::vector<RuleOption>& declared)
    : values_(std::move(values)) {
    for (const auto& option : declared) {
        if (option.type != "regex")
            continue;
        const auto it = values_.find(option.name);
        if (it == values_.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
            continue;
        std::string error;
        if (auto compiled = Regex::compile(it->get_ref<const std::string&>(), error))
            regexes_.emplace(option.name, std::move(compiled));
    }
}

const Regex* RuleOptions::regex(const std::string& name) const {
    const auto it = regexes_.find(name);
    return it == regexes_.end() ? nullptr : it->second.get();
}

std::string option_range_text(const RuleOption& option) {
    const auto number = [](double d) {
        if (d > -9e15 && d < 9e15 && d == static_cast<double>(static_cast<long long>(d)))
            return std::to_string(static_cast<long long>(d));
        return nlohmann::json(d).dump();
    };
    if (option.minimum && option.maximum)
        return "from " + number(*option.minimum) + " to " + number(*option.maximum);
    if (option.minimum)
        return "at least " + number(*option.minimum);
    if (option.maximum)
        return "at most " + number(*option.maximum);
    return {};
}

const nlohmann::json& RuleOptions::at(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end())
        throw std::logic_error("rule option '" + name + "' is not declared");
    return *it;
}

long long RuleOptions::integer(const std::string& name) const {
    return at(name).get<long long>();
}
double RuleOptions::number(const std::string& name) const {
    return at(name).get<double>();
}
const std::string& RuleOptions::string(const std::string& name) const {
    return at(name).get_ref<const std::string&>();
}
bool RuleOptions::boolean(const std::string& name) const {
    return at(name).get<bool>();
}
std::vector<std::string> RuleOptions::strings(const std::string& name) const {
    return at(name).get<std::vector<std::string>>();
}

void FindingSink::report(std::string message, Location location) {
    report(std::move(message), std::move(location), rule_.citation);
}

void FindingSink::report(std::string message, Location location, std::string citation) {
    Finding f;
    f.id = rule_.id;
    f.severity = severity_;
    f.message = std::move(message);
    f.location = std::move(location);
    f.citation = std::move(citation);
    out_.push_back(std::move(f));
}

void FindingSink::report_as(Severity severity, std::string message, Location location) {
    report(std::move(message), std::move(location));
    if (!overridden_)
        out_.back().severity = severity;
}

RuleMetadata with_context_severity(RuleMetadata metadata, std::vector<Severity> severities,
                                   std::string depends_on) {
    if (!severities.empty())
        metadata.severity = severities.front();
    metadata.context_severities = std::move(severities);
    metadata.severity_context = std::move(depends_on);
    return metadata;
}

RuleMetadata restating(RuleMetadata metadata, std::vector<std::string> decision_ids) {
    metadata.restates = std::move(decision_ids);
    return metadata;
}

std::string severities_text(const RuleMetadata& metadata) {
    if (metadata.context_severities.empty())
        return std::string(to_string(metadata.severity));
    std::string out;
    const auto& all = metadata.context_severities;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i > 0)
            out += i + 1 == all.size() ? " or " : ", ";
        out += to_string(all[i]);
    }
    return out;
}

RuleMetadata make_metadata(std::string id, std::string title, Severity severity, Target inspects,
                           std::string rationale, std::string citation, std::string fix,
                           std::vector<RuleOption> options, std::string example) {
    RuleMetadata m;
    m.category = id.substr(0, id.find('.'));
    m.id = std::move(id);
    m.title = std::move(title);
    m.severity = severity;
    m.inspects = inspects;
    m.rationale = std::move(rationale);
    m.citation = std::move(citation);
    m.fix = std::move(fix);
    m.options = std::move(options);
    m.example = std::move(example);
    return m;
}

}  // namespace dpslint::lint
