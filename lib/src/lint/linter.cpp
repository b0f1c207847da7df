#include "dpslint/lint/linter.hpp"

#include <algorithm>

#include "dpslint/batch/batch_session.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/identifiers.hpp"

namespace dpslint::lint {

namespace {

// A pattern naming one rule outranks any glob; among globs, the one with more literal
// characters is the more specific.
int specificity(const std::string& pattern) {
    if (pattern.find_first_of("*?") == std::string::npos)
        return 1'000'000;
    return static_cast<int>(
        std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '*' && c != '?'; }));
}

struct Toggle {
    const std::string* pattern;
    bool enable;
    int source;  // 0 config file, 1 command line
};

bool enabled(const RuleMetadata& m, const std::vector<Toggle>& toggles) {
    bool on = m.enabled_by_default;
    int best_source = -1;
    int best_specificity = -1;
    for (const auto& t : toggles) {
        if (!glob_match(*t.pattern, m.id))
            continue;
        const int s = specificity(*t.pattern);
        const bool better = t.source > best_source
                            || (t.source == best_source && s > best_specificity)
                            || (t.source == best_source && s == best_specificity && !t.enable);
        if (better) {
            on = t.enable;
            best_source = t.source;
            best_specificity = s;
        }
    }
    return on;
}

Severity effective_severity(const RuleMetadata& m, const LintConfig& config) {
    Severity severity = m.severity;
    int best = -1;
    for (const auto& [pattern, level] : config.severity) {
        const int s = specificity(pattern);
        if (glob_match(pattern, m.id) && s >= best) {
            severity = level;
            best = s;
        }
    }
    return severity;
}

RuleOptions effective_options(const RuleMetadata& m, const LintConfig& config) {
    nlohmann::json values = nlohmann::json::object();
    for (const auto& o : m.options)
        values[o.name] = o.default_value.json();
    if (const auto it = config.options.find(m.id); it != config.options.end()) {
        for (const auto& [name, value] : it->second.items())
            values[name] = value;
    }
    return RuleOptions(std::move(values), m.options);
}

bool target_matches(const std::string& target, const Location& l) {
    if (target.empty())
        return true;
    return target == l.enrollment_id || iequals(target, l.registration_id)
           || iequals(target, l.sha1) || iequals(target, l.sha256) || target == l.ca_name
           || target == l.file;
}

CertificateUnderLint device_certificate(const DeviceContext& device) {
    return {device.leaf(), device.location(), "device certificate"};
}

Finding suppression_finding(const FindingKind& kind, std::string message, const Suppression& s) {
    Location location;
    location.file = s.source.file;
    location.json_pointer = s.source.pointer;
    return make_finding(kind, std::move(message), std::move(location));
}

}  // namespace

SuppressionSet::SuppressionSet(std::vector<Suppression> suppressions, TimePoint at)
    : items_(std::move(suppressions)),
      at_(at),
      uses_(std::make_unique<std::atomic<std::size_t>[]>(items_.size())) {}

bool SuppressionSet::suppresses(const Finding& finding) const {
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const auto& s = items_[i];
        if (s.expires && *s.expires < at_)
            continue;  // expired: reported, no longer applied
        if (glob_match(s.rule, finding.id) && target_matches(s.target, finding.location)) {
            uses_[i].fetch_add(1, std::memory_order_relaxed);
            return true;
        }
    }
    return false;
}

std::vector<Finding> SuppressionSet::status_findings() const {
    std::vector<Finding> out;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const auto& s = items_[i];
        const std::string what = "suppression of " + s.rule
                                 + (s.target.empty() ? "" : " for '" + s.target + "'") + " (\""
                                 + s.reason + "\")";
        if (s.expires && *s.expires < at_) {
            out.push_back(suppression_finding(
                config_finding::suppression_expired,
                what + " expired on " + format_rfc3339(*s.expires) + " and no longer applies", s));
        } else if (uses_[i].load(std::memory_order_relaxed) == 0) {
            out.push_back(suppression_finding(config_finding::suppression_unused,
                                              what
                                                  + " matched no finding; remove it if the problem "
                                                    "is fixed",
                                              s));
        }
    }
    return out;
}

Linter::Linter(const std::vector<const Rule*>& registry, const LintConfig& config,
               const RuleToggles& toggles, TimePoint at)
    : suppressions_(std::make_unique<SuppressionSet>(config.suppressions, at)) {
    std::vector<Toggle> all;
    for (const auto& p : config.enable)
        all.push_back({&p, true, 0});
    for (const auto& p : config.disable)
        all.push_back({&p, false, 0});
    for (const auto& p : toggles.enable)
        all.push_back({&p, true, 1});
    for (const auto& p : toggles.disable)
        all.push_back({&p, false, 1});
    for (const Rule* rule : registry) {
        const auto& m = rule->metadata();
        if (!enabled(m, all)) {
            disabled_.push_back(m.id);
            continue;
        }
        active_.push_back(
            ActiveRule{rule, effective_severity(m, config), effective_options(m, config)});
    }
}

std::vector<Finding> Linter::check_device(const LintContext& context,
                                          const DeviceContext& device) const {
    std::vector<Finding> out;
    for (const auto& a : active_) {
        if (!a.rule->applies(context))
            continue;
        FindingSink sink(a.rule->metadata(), a.severity, out);
        if (a.rule->scope() == Scope::device) {
            static_cast<const DeviceRule*>(a.rule)->check(device, a.options, sink);
        } else if (a.rule->scope() == Scope::certificate) {
            static_cast<const CertificateRule*>(a.rule)->check(device_certificate(device),
                                                               a.options, sink);
        }
    }
    return out;
}

std::vector<std::string> Linter::restated_decisions(
    const std::vector<Finding>& rule_findings) const {
    std::vector<std::string> out;
    for (const auto& f : rule_findings) {
        for (const auto& a : active_) {
            const auto& m = a.rule->metadata();
            if (m.id == f.id)
                out.insert(out.end(), m.restates.begin(), m.restates.end());
        }
    }
    return out;
}

void Linter::conclude(std::vector<Finding> findings, LintReport& report) const {
    finalize(std::move(findings), report);
    report.rules_disabled = disabled_;
    auto status = suppressions_->status_findings();
    report.findings.insert(report.findings.end(), status.begin(), status.end());
    sort_findings(report.findings);
    std::sort(report.rules_run.begin(), report.rules_run.end());
    std::sort(report.rules_not_applicable.begin(), report.rules_not_applicable.end());
    std::sort(report.rules_disabled.begin(), report.rules_disabled.end());
}

void Linter::finalize(std::vector<Finding> findings, LintReport& report) const {
    for (auto& f : findings) {
        if (suppressions_->suppresses(f)) {
            report.suppressed.push_back(std::move(f));
        } else {
            report.findings.push_back(std::move(f));
        }
    }
    sort_findings(report.findings);
    sort_findings(report.suppressed);
}

LintReport Linter::run(const LintContext& context) const {
    LintReport report;
    if (context.snapshot() != nullptr)
        report.not_checked = context.snapshot()->missing_parts;
    std::vector<Finding> findings;
    for (const auto& a : active_) {
        const auto& m = a.rule->metadata();
        // A rule that needs a change (diff.*) is `dpslint diff`'s: no lint run could apply it, so
        // listing it as not applicable in every report would say nothing.
        if (checked_by_diff(m))
            continue;
        if (!a.rule->applies(context)) {
            report.rules_not_applicable.push_back(m.id);
            continue;
        }
        report.rules_run.push_back(m.id);
        FindingSink sink(m, a.severity, findings);
        switch (a.rule->scope()) {
            case Scope::snapshot:
                static_cast<const SnapshotRule*>(a.rule)->check(context, a.options, sink);
                break;
            case Scope::device:
                for (const auto& device : context.devices()) {
                    static_cast<const DeviceRule*>(a.rule)->check(device, a.options, sink);
                }
                break;
            case Scope::certificate: {
                const auto* rule = static_cast<const CertificateRule*>(a.rule);
                for (const auto& device : context.devices())
                    rule->check(device_certificate(device), a.options, sink);
                for (const auto& ca : context.ca_certificates())
                    rule->check({*ca.certificate, ca.location, "CA certificate"}, a.options, sink);
                break;
            }
            case Scope::batch:
                break;  // below, all batch rules in one session
        }
    }
    // Each device is one file of its own here: a snapshot's devices.json entry or one
    // DEVICE_FILE. The summaries are all at hand, so late lookups need no re-reading.
    batch::BatchSession session(*this, &context);
    std::vector<DeviceSummary> summaries;
    for (const auto& device : context.devices()) {
        summaries.push_back(
            DeviceSummary::of(device.device.file, device.certificate_index, device.leaf()));
        session.observe_device(summaries.size() - 1, summaries.back());
    }
    auto batch_findings =
        session.finish_findings([&](const std::vector<batch::DevicePlace>& places) {
            std::vector<DeviceSummary> found;
            for (const auto& p : places)
                found.push_back(summaries[p.number]);
            return found;
        });
    findings.insert(findings.end(), std::make_move_iterator(batch_findings.begin()),
                    std::make_move_iterator(batch_findings.end()));
    conclude(std::move(findings), report);
    return report;
}

}  // namespace dpslint::lint
