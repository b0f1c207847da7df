#pragma once

// The neutral model every CI format (SARIF, JUnit, GitHub and Azure Pipelines annotations, the
// Markdown summary, baselines) is written from. A command fills it once; each writer is a pure
// function of it, so one run can write several formats (--output FORMAT=FILE) that agree.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/finding.hpp"

namespace dpslint::cli::formats {

// Where the project's documentation lives, for SARIF's tool.driver.informationUri.
inline constexpr const char* information_uri = "https://dpslint.invalid/";

enum class BaselineState { none, new_finding, unchanged, absent };
std::string_view to_string(BaselineState state) noexcept;  // SARIF spelling: "new", "unchanged"...

struct ReportFinding {
    Finding finding;          // location resolved (line/column) where known
    std::string fingerprint;  // dpslint/fingerprint.hpp
    std::string entity;       // finding_entity: the checked entity it belongs to
    std::string artifact;     // the file, relative to the source root, '/' separated; may be empty
    BaselineState baseline = BaselineState::none;
};

// A finding id that can be reported: a lint rule, or a validator/attestation/input id.
struct RuleDescriptor {
    std::string id;
    std::string name;               // PascalCase of the id, as SARIF's reportingDescriptor.name
    std::string short_description;  // one sentence
    std::string full_description;
    std::string help_text;      // rationale, fix and citation as plain text
    std::string help_markdown;  // the same as Markdown
    Severity default_level = Severity::warning;
    std::string category;  // the id's first component
};

// A device file, enrollment or CA record the run checked: one JUnit test case.
struct CheckedEntity {
    std::string key;   // as ReportFinding::entity
    std::string file;  // a device file: its findings are those located in it
    std::string kind;  // "device file" | "enrollment group" | "individual enrollment" | "CA record"
                       // | another kind a finding names ("linked hub", "service", "file")
    std::string name;  // what a person recognises: file name, enrollment id, record name
    std::vector<std::string> rules_applied;
    std::vector<std::string> rules_skipped;  // could not apply (their input is absent)
};

// The trust picture for the Markdown summary's diagram.
struct TrustCa {
    std::string name;
    bool verified = false;
};
struct TrustGroup {
    std::string id;
    bool enabled = true;
    std::vector<std::string> cas;   // CA record names it references
    std::vector<std::string> hubs;  // hubs it can assign to
};
struct TrustDevice {
    std::string name;
    std::string status;  // "blocked" (disabled individual enrollment) | "rejected"
};
struct TrustPicture {
    std::vector<TrustCa> cas;
    std::vector<TrustGroup> groups;
    std::vector<TrustDevice> devices;
};

// A finding a run counted but does not carry in full (a batch past --max-ci-results): what a
// baseline needs of it.
struct CompactFinding {
    std::string fingerprint;
    std::string entity;
    std::uint32_t rule = 0;  // index into OmittedFindings::rules
    Severity severity = Severity::notice;
    BaselineState baseline = BaselineState::none;
    std::uint64_t file = 0;  // which omitted device file it is in (1, 2, ...)
};

// The findings and device files a batch counted but keeps no more of (--max-ci-results): exact
// counts for every format, and with a baseline to read or write each finding's fingerprint.
struct OmittedFindings {
    std::size_t limit = 0;  // findings of each severity kept in full
    std::size_t count = 0;
    std::array<std::size_t, 3> by_severity{};  // indexed by Severity
    std::map<std::string, std::size_t> by_rule;
    std::vector<std::string> rules;       // CompactFinding::rule names one of these
    std::vector<CompactFinding> compact;  // only when a baseline is read or written
    std::size_t files = 0;                // device files not listed as checked entities
    std::size_t failing_files = 0;        // of them, those with a finding at the fail level
};

struct ReportModel {
    std::string tool_name = "dpslint";
    std::string tool_version;
    std::string command;      // "lint", "simulate", ...
    std::string source_root;  // what artifact paths are relative to (SARIF originalUriBaseIds)

    std::vector<RuleDescriptor> rules;    // sorted by id; every finding's id is among them
    std::vector<ReportFinding> findings;  // sorted as the command sorts them
    std::vector<ReportFinding> fixed;     // in the baseline, no longer found (baseline absent)
    bool baseline_used = false;
    std::vector<CheckedEntity> entities;
    std::vector<std::string> rules_not_applicable;  // for the whole run

    // "Decisions table": one row per checked thing with what was decided about it.
    std::vector<std::string> decision_columns;
    std::vector<std::vector<std::string>> decisions;
    TrustPicture trust;

    OmittedFindings omitted;

    std::optional<Severity> fail_level;  // nullopt: nothing fails the run (--fail-on never)
    std::string verdict;                 // "pass" | "fail" | "input error"
    int exit_status = 0;
};

// Does this finding fail the run: at or above the fail level and not baselined.
bool fails(const ReportFinding& finding, const std::optional<Severity>& fail_level);

// Exact counts over the findings the model carries and those it only counted (omitted).
struct FindingCounts {
    std::size_t total = 0;
    std::array<std::size_t, 3> by_severity{};  // indexed by Severity
    std::map<std::string, std::size_t> by_rule;
};
FindingCounts finding_counts(const ReportModel& model);

struct BaselineCounts {
    std::size_t unchanged = 0, new_findings = 0, fixed = 0;
};
BaselineCounts baseline_counts(const ReportModel& model);
// "3 unchanged (not failing), 1 new, 2 fixed": what a baseline did, for text and Markdown.
std::string baseline_summary(const ReportModel& model);

// Whether any finding, carried or omitted, fails the run.
bool any_failing(const ReportModel& model);

// Omitted device files with a failing finding (after a baseline: a new one).
std::size_t omitted_failing_files(const ReportModel& model);

// "N finding(s) in M device file(s) counted but not listed: ...": why a format shows fewer
// findings than the counts (--max-ci-results), for every format to say the same.
std::string omitted_text(const ReportModel& model);

// The descriptor's index in model.rules, for SARIF's ruleIndex; npos when absent.
std::size_t rule_index(const ReportModel& model, const std::string& id);

// "enrollment.ca-is-root" -> "EnrollmentCaIsRoot".
std::string rule_name(const std::string& id);

// The file of a location as a path relative to `source_root` ('/' separated) when it lies under
// it, else absolute; `cwd` is what relative paths are relative to.
std::string relative_artifact(const std::string& file, const std::string& source_root,
                              const std::string& cwd);

}  // namespace dpslint::cli::formats
