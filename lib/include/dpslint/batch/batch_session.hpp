#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dpslint/batch/batch_processor.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/linter.hpp"
#include "dpslint/lint/rule.hpp"

DPSLINT_API_BEGIN
namespace dpslint::batch {

// Where a device of a session came from: its number (what the batch rules saw as its sequence
// number: 0, 1, 2 ... in observation order), its input file's walk position and the index of its
// certificate in that file.
struct DevicePlace {
    std::uint64_t number = 0;
    std::uint64_t file_sequence = 0;
    std::uint64_t certificate_index = 0;
};

// Recovers the summaries of a few devices, in the order asked, for the messages of findings made
// at the end of a batch; a summary it cannot recover is left default.
using PlaceLookup =
    std::function<std::vector<lint::DeviceSummary>(const std::vector<DevicePlace>& places)>;

// One run of the cross-batch rules (duplicates, shared keys, private keys ...) over a stream of
// input files, then one report. Every command that streams devices (`batch`, `batch-merge`,
// `lint` through Linter::run) feeds the rules through this type, so they all see the same
// observations and report rules run the same way.
//
// Keeps per device a few bytes (its certificate index), per file with devices one entry, and
// what the rules' aggregators keep. Not thread-safe: observe from one thread, in walk order.
class BatchSession {
public:
    // `context` decides which rules apply and must outlive the session. Null when the devices
    // were checked elsewhere (batch-merge of shard reports): every enabled batch rule then runs,
    // and only batch rules are listed as run, since the device rules did not run here.
    BatchSession(const lint::Linter& linter, const lint::LintContext* context);
    BatchSession(const BatchSession&) = delete;
    BatchSession& operator=(const BatchSession&) = delete;
    ~BatchSession();

    // One input file, in walk order: its private-key blocks, then each of its devices.
    void observe(const FileRecord& record);
    // The same by parts, for callers without a FileRecord. Files in increasing walk position;
    // a file's devices consecutively.
    void observe_private_keys(std::uint64_t file_sequence, const std::string& path,
                              const std::vector<std::size_t>& lines);
    void observe_device(std::uint64_t file_sequence, const lint::DeviceSummary& device);

    std::uint64_t devices() const noexcept { return certificate_indexes_.size(); }
    // Where device `number` came from (number < devices()).
    DevicePlace place_of(std::uint64_t number) const;

    // The batch rules' findings as they report them, before suppressions. Ends the session.
    std::vector<Finding> finish_findings(const PlaceLookup& lookup);
    // The whole report: the batch rules' findings and `extra`, after suppressions, with the
    // suppressions' status and the rules run, not applicable and disabled. Ends the session.
    lint::LintReport finish(const PlaceLookup& lookup, std::vector<Finding> extra);

private:
    struct FileStart {
        std::uint64_t first_number = 0;
        std::uint64_t file_sequence = 0;
    };

    const lint::Linter& linter_;
    const lint::LintContext* context_;
    std::vector<std::pair<const lint::ActiveRule*, std::unique_ptr<lint::BatchAggregator>>>
        aggregators_;
    std::vector<FileStart> files_;  // files with devices, by first device number
    std::vector<std::uint64_t> certificate_indexes_;
    bool finished_ = false;
};

}  // namespace dpslint::batch
DPSLINT_API_END
