#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/batch/batch_processor.hpp"

namespace dpslint::cli {

class ShardReportReader;

// Where one device's line is in the shard reports: which report, and the line's byte offset.
struct ReportLinePlace {
    std::size_t report = 0;
    std::uint64_t offset = 0;
};

// The JSON Lines reports of `batch --shard K/N` runs read side by side, one input file at a time
// in walk order, as the unsharded run would have written them. Bad input (a file that is not a
// batch report, a malformed line, two reports holding the same input) is thrown as InputError.
class ShardReports {
public:
    explicit ShardReports(const std::vector<std::string>& paths);
    ~ShardReports();
    ShardReports(const ShardReports&) = delete;
    ShardReports& operator=(const ShardReports&) = delete;

    // The next input file's record, its lines copied to `merged` when not null; false after the
    // last. `places` gets where each of its devices' lines is.
    bool next(batch::FileRecord& record, std::vector<ReportLinePlace>& places,
              std::ostream* merged);

    // The summary on the line at `place`, read again; nullopt when the report changed since.
    std::optional<lint::DeviceSummary> summary_at(const ReportLinePlace& place) const;

private:
    std::vector<std::string> paths_;
    std::vector<std::unique_ptr<ShardReportReader>> readers_;
    std::vector<ShardReportReader*> heads_;  // a heap by next key, smallest on top
    std::optional<std::pair<std::uint64_t, std::string>> previous_file_;  // sequence, report
};

}  // namespace dpslint::cli
