#pragma once

#include <string>
#include <vector>

#include "dpslint/lint/linter.hpp"
#include "dpslint/snapshot.hpp"

#include "formats/report_model.hpp"

namespace dpslint::cli {

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
