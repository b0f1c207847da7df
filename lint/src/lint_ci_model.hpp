#pragma once

#include <string>
#include <vector>

#include "dpslint/lint/linter.hpp"
#include "dpslint/snapshot.hpp"

#include "formats/report_model.hpp"

namespace dpslint::cli {

// What any command found, for the CI formats: its findings (positioned), the rules it could
// report (`rules`, all described; may be null) and the snapshot they are about (may be null).
struct FindingsModelInputs {
    std::string command;
    const std::vector<Finding>* findings = nullptr;
    const std::vector<const lint::Rule*>* rules = nullptr;
    // Where a finding's id is a lint rule not among `rules` (simulate reports one), its
    // descriptor comes from here; other ids from the finding catalogue.
    const std::vector<const lint::Rule*>* all_rules = nullptr;
    const Snapshot* snapshot = nullptr;
    lint::FailLevel fail_on = lint::FailLevel::error;
    std::string source_root;  // absolute
    std::string cwd;          // absolute
};

// Findings, fingerprints, rule descriptors (every id that occurs, and every rule of `rules`),
// verdict and exit status. Entities, decisions and the trust picture are the command's to add.
formats::ReportModel findings_report_model(const FindingsModelInputs& inputs);

// The snapshot's trust picture (CA records, enrollment groups, hubs, blocked individual
// enrollments) for the Markdown diagram.
void add_snapshot_trust(formats::ReportModel& model, const Snapshot& snapshot);

// One checked entity per device file (its findings: those located in it) and one for whatever
// else a finding is about (a CA record, a linked hub, a trust file), after the entities already
// in the model.
void add_file_entities(formats::ReportModel& model, const std::vector<std::string>& device_files);

// What `lint` checked, for the CI formats (formats/report_model.hpp).
struct LintModelInputs {
    const lint::LintReport* report = nullptr;  // findings positioned (resolve_positions)
    const std::vector<const lint::Rule*>* rules = nullptr;
    const Snapshot* snapshot = nullptr;
    std::vector<std::string> device_files;
    lint::FailLevel fail_on = lint::FailLevel::error;
    std::string source_root;  // absolute
    std::string cwd;          // absolute
};

// The model of a lint run: every rule of the registry and every other finding id as
// descriptors, fingerprints, the checked entities (enrollments, CA records, device files), a
// decisions table (one row per entity: what it got) and the trust picture. The verdict and exit
// status follow the findings; apply a baseline (formats/baseline.hpp) and then call
// settle_verdict again.
formats::ReportModel lint_report_model(const LintModelInputs& inputs);

// Verdict and exit status from the findings, the fail level and baseline states; `bad_input`
// (an unreadable device file) makes it exit 2.
void settle_verdict(formats::ReportModel& model, bool bad_input);

std::optional<Severity> fail_severity(lint::FailLevel level) noexcept;

}  // namespace dpslint::cli
