#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/batch/batch_processor.hpp"

namespace dpslint::cli {

enum class ReportFormat { jsonl, csv };

// Every --report-format value. The fuzz targets (tests/fuzz/) write reports in each one.
inline constexpr std::array<std::string_view, 2> report_formats{"jsonl", "csv"};

// One line per device certificate (or per rejected file) of a batch report, in input order.
// The JSON Lines form carries everything `batch-merge` needs to re-run cross-batch rules: the
// registration ID, issuer and serial, SPKI hash and thumbprints.
// With `baseline` (the fingerprints of --baseline) each finding also has its baselineState.
using BaselineFingerprints = std::set<std::string>;
nlohmann::json report_line(const batch::FileRecord& file, const batch::DeviceRecord* device,
                           const BaselineFingerprints* baseline = nullptr);
std::vector<nlohmann::json> report_lines(const batch::FileRecord& file,
                                         const BaselineFingerprints* baseline = nullptr);

// Rebuilds a FileRecord from consecutive report lines of one file (batch-merge).
batch::FileRecord file_record_from_lines(const std::vector<nlohmann::json>& lines);

class ReportWriter {
public:
    ReportWriter(std::ostream& out, ReportFormat format,
                 const BaselineFingerprints* baseline = nullptr);
    void write(const batch::FileRecord& file);
    std::uint64_t lines() const noexcept { return lines_; }

private:
    void write_csv(const batch::FileRecord& file, const batch::DeviceRecord* device);

    std::ostream& out_;
    ReportFormat format_;
    const BaselineFingerprints* baseline_;
    std::uint64_t lines_ = 0;
};

// The counts of a batch summary, fed one file record at a time.
struct BatchTally {
    std::uint64_t files_seen = 0;
    std::uint64_t files_checked = 0;
    std::uint64_t files_rejected = 0;
    std::uint64_t devices = 0;
    std::uint64_t suppressed = 0;
    std::map<std::string, std::uint64_t> decisions;
    // Devices whose revocation was checked (--crl) and those of them that are revoked.
    std::uint64_t revocation_checked = 0;
    std::uint64_t revoked = 0;
    std::map<std::string, std::pair<Severity, std::uint64_t>> findings_by_rule;
    std::map<std::string, std::uint64_t> devices_by_issuer;
    std::map<std::string, std::uint64_t> rejected_by_reason;
    std::vector<std::string> rejected_examples;        // "path: reason", first few
    std::vector<std::string> failing_device_examples;  // "path: decision: rule, rule", first few
    bool any_error = false;
    bool any_warning = false;
    bool any_notice = false;

    void add(const batch::FileRecord& file);
    nlohmann::json to_json() const;
};

}  // namespace dpslint::cli
