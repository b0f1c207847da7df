#pragma once

#include <array>
#include <iosfwd>
#include <map>
#include <optional>
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
// time as the devices stream: its findings (located in its file; a rejected file as its input.*
// finding) and the file as a checked entity (one JUnit test case per device file). Kept only when
// the run asks for a CI format or a baseline, so a factory batch that writes text or JSON holds
// no findings in memory. Memory is bounded (--max-ci-results, docs/performance.md): a file's
// findings are kept whole while each severity has fewer than `limit` kept, and files without
// findings while fewer than `limit` are listed; past that the findings are only counted (by
// severity and rule), and with a baseline to read or write each keeps its fingerprint, rule and
// entity. Files arrive in input order whatever --jobs is, so what is kept is too.
class BatchCiCollector {
public:
    BatchCiCollector(bool wanted, std::size_t limit, bool compact, lint::FailLevel fail_on);

    // Whether `format`, the --output files or a baseline ask for the CI model.
    static bool wanted_by(const std::string& format, const CiOutputOptions& options);

    void add(const batch::FileRecord& record);

    // The findings model of the collected files and findings followed by `run_findings` (the
    // run's own, positioned), fingerprinted against `snapshot` (may be null), each file a checked
    // entity, with the counts of what was not kept; the command adds its decisions table and
    // settles the verdict. Leaves the collector empty.
    formats::ReportModel findings_model(const std::string& command,
                                        std::vector<Finding> run_findings, lint::FailLevel fail_on,
                                        const Snapshot* snapshot, const CiRequests& requests);

    // The model of the whole run: the kept findings, the counts of the others, the cross-batch
    // findings of `outcome`, a decisions table of devices by decision, verdict and exit status
    // as the batch decided them (or, with a baseline, from the findings that are new). Leaves
    // the collector empty.
    formats::ReportModel model(const BatchOutcome& outcome, const CiRequests& requests);

private:
    void omit(const std::vector<Finding>& findings);

    bool wanted_;
    bool compact_;
    std::optional<Severity> fail_level_;
    std::vector<std::string> files_;
    std::vector<Finding> findings_;
    std::array<std::size_t, 3> kept_{};  // kept findings by severity
    std::size_t clean_files_ = 0;        // listed files without findings
    formats::OmittedFindings omitted_;
    std::map<std::string, std::uint32_t> rule_numbers_;
};

// Writes a batch's outcome in --format and every --output (write_run_outputs), the text and JSON
// summary saying what a baseline did; returns the exit status.
int write_batch_outputs(BatchOutcome& outcome, BatchCiCollector& collector,
                        const std::string& format, const CiOutputOptions& options,
                        const CiRequests& requests, std::ostream& out);

}  // namespace dpslint::cli
