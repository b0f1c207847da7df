#include "dpslint/lint/rule.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

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

std::string_view to_string(OptionType type) noexcept {
    switch (type) {
        case OptionType::integer:
            return "integer";
        case OptionType::number:
            return "number";
        case OptionType::string:
            return "string";
        case OptionType::regex:
            return "regex";
        case OptionType::boolean:
            return "boolean";
        case OptionType::string_list:
            break;
    }
    return "string-list";
}

OptionDefault::OptionDefault() : value_(std::make_shared<const nlohmann::json>()) {}
OptionDefault::OptionDefault(int value) : value_(std::make_shared<const nlohmann::json>(value)) {}
OptionDefault::OptionDefault(long long value)
    : value_(std::make_shared<const nlohmann::json>(value)) {}
OptionDefault::OptionDefault(double value)
    : value_(std::make_shared<const nlohmann::json>(value)) {}
OptionDefault::OptionDefault(bool value) : value_(std::make_shared<const nlohmann::json>(value)) {}
OptionDefault::OptionDefault(const char* value)
    : value_(std::make_shared<const nlohmann::json>(value)) {}
OptionDefault::OptionDefault(std::string value)
    : value_(std::make_shared<const nlohmann::json>(std::move(value))) {}
OptionDefault::OptionDefault(std::vector<std::string> value)
    : value_(std::make_shared<const nlohmann::json>(std::move(value))) {}
OptionDefault::OptionDefault(const nlohmann::json& value)
    : value_(std::make_shared<const nlohmann::json>(value)) {}

std::string_view to_string(InputPart part) noexcept {
    switch (part) {
        case InputPart::snapshot:
            return "snapshot";
        case InputPart::service_settings:
            return "service-settings";
        case InputPart::ca_records:
            return "ca-records";
        case InputPart::individual_enrollments:
            return "individual-enrollments";
        case InputPart::linked_hubs:
            return "linked-hubs";
        case InputPart::devices:
            return "devices";
        case InputPart::revocation:
            break;
        case InputPart::change:
            return "change";
    }
    return "revocation";
}

bool has_part(const LintContext& context, InputPart part) {
    const Snapshot* snapshot = context.snapshot();
    switch (part) {
        case InputPart::snapshot:
            return snapshot != nullptr;
        case InputPart::service_settings:
            return snapshot != nullptr && snapshot->service.has_value();
        case InputPart::ca_records:
            return snapshot != nullptr && snapshot->certificates.has_value();
        case InputPart::individual_enrollments:
            return snapshot != nullptr && snapshot->individuals.has_value();
        case InputPart::linked_hubs:
            return snapshot != nullptr && snapshot->known_linked_hubs() != nullptr;
        case InputPart::devices:
            // A streaming batch has devices but never holds them in the context.
            return context.has_devices() && !context.devices().empty();
        case InputPart::revocation:
            break;
        case InputPart::change:
            return false;
    }
    return context.revocation_checker() != nullptr;
}

bool needs(const RuleMetadata& rule, InputPart part) {
    return std::find(rule.needs.begin(), rule.needs.end(), part) != rule.needs.end();
}

bool checked_by_diff(const RuleMetadata& rule) {
    return needs(rule, InputPart::change);
}

bool Rule::applies(const LintContext& context) const {
    bool in_scope = false;
    switch (scope()) {
        case Scope::snapshot:
            in_scope = context.snapshot() != nullptr;
            break;
        case Scope::device:
        case Scope::batch:
            in_scope = context.has_devices();
            break;
        case Scope::certificate:
            in_scope = context.has_devices() || !context.ca_certificates().empty();
            break;
    }
    const auto& needs = metadata().needs;
    return in_scope && std::all_of(needs.begin(), needs.end(), [&](InputPart part) {
               return has_part(context, part);
           });
}

RuleMetadata declare_rule(RuleMetadata metadata) {
    metadata.category = metadata.id.substr(0, metadata.id.find('.'));
    if (!metadata.context_severities.empty()
        && metadata.severity != metadata.context_severities.front())
        throw std::logic_error("rule " + metadata.id
                               + ": severity must be the first of its context severities");
    return metadata;
}

RuleOptions::RuleOptions()
    : values_(std::make_shared<const nlohmann::json>(nlohmann::json::object())) {}

RuleOptions::RuleOptions(nlohmann::json values)
    : values_(std::make_shared<const nlohmann::json>(std::move(values))) {}

RuleOptions::RuleOptions(nlohmann::json values, const std::vector<RuleOption>& declared)
    : RuleOptions(std::move(values)) {
    for (const auto& option : declared) {
        if (option.type != OptionType::regex)
            continue;
        const auto it = values_->find(option.name);
        if (it == values_->end() || !it->is_string() || it->get_ref<const std::string&>().empty())
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
    const auto it = values_->find(name);
    if (it == values_->end())
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

}  // namespace dpslint::lint
