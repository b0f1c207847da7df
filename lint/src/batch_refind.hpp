#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dpslint/batch/batch_processor.hpp"
#include "dpslint/batch/batch_session.hpp"

namespace dpslint::cli {

// The late lookups of `batch`: the few devices a batch finding names are found again by walking
// the inputs once more to their files, instead of keeping every summary in memory. Paths read
// from standard input cannot be walked twice, so those are remembered as they go by.
class BatchRefinder {
public:
    BatchRefinder(const std::vector<std::string>& inputs, const batch::BatchProcessor& processor);

    void remember(const batch::FileRecord& record);
    std::vector<lint::DeviceSummary> operator()(
        const std::vector<batch::DevicePlace>& places) const;

private:
    const std::vector<std::string>& inputs_;
    const batch::BatchProcessor& processor_;
    bool reads_stdin_;
    std::vector<std::pair<std::uint64_t, std::string>> stdin_paths_;  // sequence, path
};

}  // namespace dpslint::cli
