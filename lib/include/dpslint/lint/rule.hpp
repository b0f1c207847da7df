#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/regex.hpp"

DPSLINT_API_BEGIN
namespace dpslint::lint {

// What a rule runs over: once per snapshot, once per device certificate, across a batch, or once
// per certificate (each device certificate and each CA certificate of the snapshot).
enum class Scope { snapshot, device, batch, certificate };
std::string_view to_string(Scope scope) noexcept;

// What a rule inspects, for docs and filtering.
enum class Target {
    service,
    ca_record,
    enrollment_group,
    individual_enrollment,
    linked_hubs,
    initial_twin,
    device_certificate,
    batch,
    certificate,  // device and CA certificates alike
};
std::string_view to_string(Target target) noexcept;

// What an option's value is; the config loader checks configured values against it.
enum class OptionType { integer, number, string, regex, boolean, string_list };
// "integer", "number", "string", "regex", "boolean", "string-list" (docs, errors, --list-rules).
std::string_view to_string(OptionType type) noexcept;

// An option's default value: a JSON value held by pointer, so that this header needs only
// <nlohmann/json_fwd.hpp>. Converts from what rule declarations write (30, 0.5, "", true, a list).
class OptionDefault {
public:
    OptionDefault();  // null
    OptionDefault(int value);
    OptionDefault(long long value);
    OptionDefault(double value);
    OptionDefault(bool value);
    OptionDefault(const char* value);
    OptionDefault(std::string value);
    OptionDefault(std::vector<std::string> value);
    explicit OptionDefault(const nlohmann::json& value);

    const nlohmann::json& json() const noexcept { return *value_; }

private:
    std::shared_ptr<const nlohmann::json> value_;
};

// Every member of RuleOption and RuleMetadata has an initialiser, so a declaration may leave any
// out (g++ -Wmissing-field-initializers warns about designated initialisers otherwise).
struct RuleOption {
    std::string name{};  // "days"
    OptionType type = OptionType::integer;
    OptionDefault default_value{};
    std::string description{};
    // The accepted range of an integer or number option, both ends included. Every numeric
    // option has one (a registry test checks it), so a configured value can never overflow the
    // arithmetic it feeds; the config loader rejects values outside it.
    std::optional<double> minimum{};
    std::optional<double> maximum{};
};

// The parts of the input a rule needs besides what its scope implies (a snapshot for snapshot
// rules, devices for device and batch rules, a device or CA certificate for certificate rules).
// Rule::applies() checks them: without one the report lists the rule under rulesNotApplicable
// rather than as passed.
enum class InputPart {
    snapshot,                // any snapshot (device rules that compare against DPS state)
    service_settings,        // dps.json
    ca_records,              // certificates.json
    individual_enrollments,  // enrollments.json
    linked_hubs,             // linked-hubs.json or dps.json properties.iotHubs
    devices,                 // device certificates read into the context (not streamed)
    revocation,              // CRLs (--crl)
    change,  // a before/after pair of snapshots: only `dpslint diff` has one, a lint run never
};
// "snapshot", "service-settings", "ca-records", ... for docs and listings.
std::string_view to_string(InputPart part) noexcept;
// Whether `context` holds `part`.
bool has_part(const LintContext& context, InputPart part);

// Everything about a rule that is not code: stable id (part of the contract), default severity,
// where the requirement comes from and how to fix a finding. Rules declare it with designated
// initialisers through declare_rule(), in this order:
//
//     const RuleMetadata metadata_ = lint::declare_rule({
//         .id = "ca.expired",
//         .title = "Uploaded CA certificate has expired",
//         .severity = Severity::error,
//         .inspects = Target::ca_record,
//         .needs = {InputPart::ca_records},
//         .rationale = "...", .citation = "RFC 5280 §6.1.3 (a)(2)", .fix = "...",
//         .example = "...",
//     });
struct RuleMetadata {
    std::string id{};  // "enrollment.ca-is-root"; ^[a-z][a-z0-9]*(\.[a-z0-9-]+)+$
    std::string title{};
    // The default severity; for a rule with context_severities, the first (highest) of them.
    Severity severity = Severity::warning;
    Target inspects = Target::service;
    std::vector<InputPart> needs{};
    std::string rationale{};
    std::string citation{};  // RFC 5280 section or DPS documentation (dpslint/citations.hpp)
    std::string fix{};
    std::vector<RuleOption> options{};
    std::string example{};           // a minimal situation that triggers the rule
    bool enabled_by_default = true;  // false for rules that need configuring (a pattern)
    // Rules that report at a severity chosen by the case (FindingSink::report_as) list every
    // severity they use, highest first, and what decides it. Empty for rules that always report
    // at `severity`.
    std::vector<Severity> context_severities{};
    std::string severity_context{};  // "error when ...; warning when ...; notice when ..."
    // Attestation decision ids (attestation.*) this device rule restates for the same device;
    // where it reports, a report that lists both shows the cause once (batch).
    std::vector<std::string> restates{};
    std::string category{};  // the id's first component; declare_rule() fills it
};

// Whether `rule` declares `part` among its needs.
bool needs(const RuleMetadata& rule, InputPart part);
// A rule that needs InputPart::change (diff.*): reported by `dpslint diff` only, never by a
// lint run; listings and docs say so.
bool checked_by_diff(const RuleMetadata& rule);

// `metadata` completed: category derived from the id. Throws std::logic_error when severity is
// not the first of context_severities (a programming error the registry test catches).
RuleMetadata declare_rule(RuleMetadata metadata);

// A rule's option values for one run: its defaults overlaid with the configuration. The config
// loader has checked types, so the getters only throw on programming errors.
class RuleOptions {
public:
    RuleOptions();  // no values
    explicit RuleOptions(nlohmann::json values);
    // Also compiles the options `declared` with type regex, once for all devices of a run.
    RuleOptions(nlohmann::json values, const std::vector<RuleOption>& declared);

    long long integer(const std::string& name) const;
    double number(const std::string& name) const;
    const std::string& string(const std::string& name) const;
    bool boolean(const std::string& name) const;
    std::vector<std::string> strings(const std::string& name) const;
    // A "regex" option compiled; null when it is empty or does not compile (the config loader
    // refuses such a pattern before any rule runs).
    const Regex* regex(const std::string& name) const;
    const nlohmann::json& values() const noexcept { return *values_; }

private:
    const nlohmann::json& at(const std::string& name) const;
    std::shared_ptr<const nlohmann::json> values_;  // an object
    std::map<std::string, std::shared_ptr<const Regex>> regexes_;
};

// An option's range in words, as docs and errors show it: "from 0 to 36500", "at least 2", or
// empty when the option is not numeric.
std::string option_range_text(const RuleOption& option);

// Where a rule reports. Fills id, default severity and citation from the rule's metadata, so a
// check writes only the message and the location.
class FindingSink {
public:
    FindingSink(const RuleMetadata& rule, std::vector<Finding>& out)
        : rule_(rule), severity_(rule.severity), out_(out) {}
    // `severity` is the configured severity of the rule.
    FindingSink(const RuleMetadata& rule, Severity severity, std::vector<Finding>& out)
        : rule_(rule), severity_(severity), overridden_(severity != rule.severity), out_(out) {}

    void report(std::string message, Location location);
    void report(std::string message, Location location, std::string citation);
    // For rules whose severity depends on the case (ca.unverified is an error only when an
    // enabled group depends on the CA): `severity` applies unless the configuration overrides
    // the rule's severity, which then wins.
    void report_as(Severity severity, std::string message, Location location);

private:
    const RuleMetadata& rule_;
    Severity severity_;
    bool overridden_ = false;
    std::vector<Finding>& out_;
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleMetadata& metadata() const = 0;
    virtual Scope scope() const = 0;
    // False when what the rule inspects is not in the input (no snapshot, no devices, no
    // certificates.json ...): the report lists it under rulesNotApplicable rather than as passed.
    // Decided from the scope and metadata().needs alone, never by the rule's code.
    bool applies(const LintContext& context) const;
};

class SnapshotRule : public Rule {
public:
    Scope scope() const final { return Scope::snapshot; }
    virtual void check(const LintContext& context, const RuleOptions& options,
                       FindingSink& sink) const = 0;
};

// Runs once per device certificate; must be thread-safe (a batch checks devices in parallel).
class DeviceRule : public Rule {
public:
    Scope scope() const final { return Scope::device; }
    virtual void check(const DeviceContext& device, const RuleOptions& options,
                       FindingSink& sink) const = 0;
};

// One certificate a CertificateRule looks at: a device certificate or a CA certificate of the
// snapshot, with where it is and what it is, for messages ("device certificate", "CA certificate").
struct CertificateUnderLint {
    const Certificate& certificate;
    Location location;
    std::string_view role;
};

// Runs once per device certificate and once per CA certificate of the snapshot (certificates.json
// records with a body, ca/ files, inline group certificates); must be thread-safe. A streaming
// batch checks the device certificates only (it runs no snapshot rules).
class CertificateRule : public Rule {
public:
    Scope scope() const final { return Scope::certificate; }
    virtual void check(const CertificateUnderLint& certificate, const RuleOptions& options,
                       FindingSink& sink) const = 0;
};

// Recovers the full summaries of a few devices by their sequence numbers, for messages about
// duplicates found late in a batch. A streaming batch re-reads those files instead of keeping
// every summary in memory. Returns them in the order asked; a missing one is left default.
using SummaryLookup =
    std::function<std::vector<DeviceSummary>(const std::vector<std::uint64_t>& sequence_numbers)>;

// Sees every device of a batch, then reports once at the end. A batch may hold millions of
// devices: keep per device only a few bytes (a hash and the sequence number) and ask `lookup`
// for the details of the few that are reported.
class BatchAggregator {
public:
    virtual ~BatchAggregator() = default;
    // Each device certificate, one call at a time, in input order; `sequence` increases.
    virtual void observe(std::uint64_t sequence, const DeviceSummary& device) = 0;
    // Each input file holding PEM private-key blocks (1-based lines of the BEGIN lines).
    virtual void observe_private_keys(std::uint64_t /*sequence*/, const std::string& /*file*/,
                                      const std::vector<std::size_t>& /*lines*/) {}
    virtual void finish(FindingSink& sink, const SummaryLookup& lookup) = 0;
};

class BatchRule : public Rule {
public:
    Scope scope() const final { return Scope::batch; }
    virtual std::unique_ptr<BatchAggregator> start(const RuleOptions& options) const = 0;
};

// "error, warning or notice": the severities a rule reports, for docs and listings.
std::string severities_text(const RuleMetadata& metadata);

}  // namespace dpslint::lint
DPSLINT_API_END
