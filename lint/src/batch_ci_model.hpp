#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "dpslint/batch/batch_processor.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/snapshot.hpp"

#include "batch_summary_output.hpp"
#include "ci_output.hpp"
#include "formats/report_model.hpp"

namespace dpslint::cli {

// What the CI formats of `batch`, `batch-merge` and `diff` need, gathered one file record at a
// time as the devices stream: every finding (located in its file; a rejected file as its input.*
// finding) and the file as a checked entity (one JUnit test case per device file). Kept only when
// the run asks for a CI format or a baseline, so a factory batch that writes text or JSON holds
// no findings in memory.
class BatchCiCollector {
public:
    explicit BatchCiCollector(bool wanted) : wanted_(wanted) {}

    // Whether `format`, the --output files or a baseline ask for the CI model.
    static bool wanted_by(const std::string& format, const CiOutputOptions& options);

    void add(const batch::FileRecord& record);

    // The findings model of the collected files and findings followed by `run_findings` (the
    // run's own, positioned), fingerprinted against `snapshot` (may be null), each file a checked
    // entity; the command adds its decisions table and settles the verdict.
    formats::ReportModel findings_model(const std::string& command,
                                        std::vector<Finding> run_findings, lint::FailLevel fail_on,
                                        const Snapshot* snapshot, const CiRequests& requests) const;

    // The model of the whole run: the collected findings, the cross-batch findings of
    // `outcome`, a decisions table of devices by decision, verdict and exit status as the batch
    // decided them (or, with a baseline, from the findings that are new).
    formats::ReportModel model(const BatchOutcome& outcome, const CiRequests& requests) const;

private:
    bool wanted_;
    std::vector<std::string> files_;
    std::vector<Finding> findings_;
};

// Writes a batch's outcome in --format and every --output (write_run_outputs), the text and JSON
// summary saying what a baseline did; returns the exit status.
int write_batch_outputs(BatchOutcome& outcome, const BatchCiCollector& collector,
                        const std::string& format, const CiOutputOptions& options,
                        const CiRequests& requests, std::ostream& out);

}  // namespace dpslint::cli
