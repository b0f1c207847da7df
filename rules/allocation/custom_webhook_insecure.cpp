#include "dpslint/identifiers.hpp"

#include "allocation/allocation_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::allocation {

namespace {

struct UrlParts {
    std::string scheme;
    std::string host;
    std::string path;
    std::string query;  // without '?'
    bool has_query = false;
};

UrlParts split_url(std::string_view url) {
    UrlParts parts;
    if (const auto hash = url.find('#'); hash != std::string_view::npos)
        url = url.substr(0, hash);
    if (const auto colon = url.find("://"); colon != std::string_view::npos) {
        parts.scheme = ascii_lower(url.substr(0, colon));
        url = url.substr(colon + 3);
    }
    if (const auto question = url.find('?'); question != std::string_view::npos) {
        parts.query = std::string(url.substr(question + 1));
        parts.has_query = true;
        url = url.substr(0, question);
    }
    const auto slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    parts.path = slash == std::string_view::npos ? "" : std::string(url.substr(slash));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority = authority.substr(at + 1);
    if (const auto port = authority.find(':'); port != std::string_view::npos)
        authority = authority.substr(0, port);
    parts.host = ascii_lower(authority);
    return parts;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A `code=<key>` parameter, or the service's masked query "****" (which hides the key).
bool has_function_key(const UrlParts& url) {
    if (!url.has_query)
        return false;
    if (url.query == "****")
        return true;
    std::string_view query = url.query;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view param = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const auto equals = param.find('=');
        if (equals != std::string_view::npos && iequals(param.substr(0, equals), "code")
            && equals + 1 < param.size())
            return true;
    }
    return false;
}

class CustomWebhookInsecure final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& entry : all_enrollments(snapshot)) {
            const EnrollmentSettings& settings = *entry.settings;
            if (effective_allocation_policy(snapshot, settings).policy != AllocationPolicy::custom
                || !settings.custom_allocation || settings.custom_allocation->webhook_url.empty())
                continue;
            const std::string& url = settings.custom_allocation->webhook_url;
            const UrlParts parts = split_url(url);
            const auto location = entry.location("/customAllocationDefinition/webhookUrl");
            if (parts.scheme != "https") {
                sink.report(entry.describe() + " calls its custom allocation webhook over "
                                + (parts.scheme.empty() ? std::string("an unspecified scheme")
                                                        : "'" + parts.scheme + "'")
                                + " instead of https (hygiene: DPS does not document an HTTPS "
                                  "requirement, but the request carries device data and the "
                                  "function key)",
                            location);
            }
            const bool azure_function =
                ends_with(parts.host, ".azurewebsites.net") && parts.path.rfind("/api/", 0) == 0;
            if (azure_function && !has_function_key(parts)) {
                sink.report(entry.describe() + " calls the Azure Functions webhook '" + parts.host
                                + parts.path
                                + "' without a function key (code=) in the URL, so DPS is "
                                  "refused with 401 unless the function allows anonymous calls",
                            location);
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "allocation.custom-webhook-insecure",
        .title = "Custom allocation webhook without HTTPS or without a function key",
        .severity = Severity::warning,
        .inspects = Target::enrollment_group,
        .rationale =
            "DPS posts each registration's allocation request (registration ID, certificate info, "
            "payload, linked hubs) to webhookUrl. An explicit HTTPS requirement was not found in "
            "the DPS documentation, so plain http is a hygiene finding, not a provisioning "
            "failure. An Azure Function with function-level authorization needs its key embedded "
            "in the URL (?code=...); without it DPS gets 401 and enrollment creation fails. "
            "Exports mask the query as ?****, which counts as a key.",
        .citation = std::string(citation::dps_custom_allocation),
        .fix =
            "Use the https:// URL of the function and append its function key as ?code=<key> (copy "
            "the 'Get function URL' value from the portal).",
        .example = "webhookUrl 'https://alloc.azurewebsites.net/api/HttpTrigger1' (no code=)",
    });
};

}  // namespace

}  // namespace dpslint::rules::allocation

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_allocation_custom_webhook_insecure() {
    return std::make_unique<allocation::CustomWebhookInsecure>();
}

}  // namespace dpslint::rules
