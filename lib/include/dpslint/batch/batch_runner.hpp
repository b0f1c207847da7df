#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "dpslint/batch/batch_processor.hpp"
#include "dpslint/batch/input_walker.hpp"

namespace dpslint::batch {

// Which inputs this process checks: shard K of N takes the inputs whose walk position modulo N
// is K-1, so N jobs over the same inputs split them without talking to each other.
struct Shard {
    std::uint64_t index = 1;  // K, 1-based
    std::uint64_t count = 1;  // N

    bool takes(std::uint64_t sequence) const noexcept { return sequence % count == index - 1; }
};

// Threads that open upcoming files ahead of the workers so that a cold page cache is read with
// many requests in flight (see lib/src/batch/read_ahead.hpp).
inline constexpr unsigned default_read_ahead_threads = 8;

// Runs a BatchProcessor (or any function of one input) over the walk on `jobs` threads and hands
// the records back in walk order on the calling thread, so output does not depend on the number
// of threads. At most a few chunks per thread are in flight: memory stays bounded whatever the
// batch size.
//
// No exception escapes a worker: one thrown while processing an input becomes that input's
// record, rejected as input.internal-error with the exception's message, and the batch goes on.
// An exception on the calling thread (from the walk or from `deliver`) stops the workers, waits
// for them and propagates.
class BatchRunner {
public:
    using Work = std::function<FileRecord(const InputItem&, StageTimes&)>;
    using Source = std::function<bool(InputItem&)>;

    BatchRunner(const BatchProcessor& processor, unsigned jobs, Shard shard = {},
                unsigned read_ahead_threads = default_read_ahead_threads);
    BatchRunner(Work work, unsigned jobs, Shard shard = {}, unsigned read_ahead_threads = 0);

    // `deliver` sees every taken input exactly once, in walk order. Returns the summed stage
    // times of all workers.
    StageTimes run(InputWalker& walker, const std::function<void(FileRecord&&)>& deliver) const;
    // The same over the items `next` yields until it returns false.
    StageTimes run(const Source& next, const std::function<void(FileRecord&&)>& deliver) const;

private:
    Work work_;
    unsigned jobs_;
    Shard shard_;
    unsigned read_ahead_threads_;
};

// The record of an input whose processing threw: rejected as input.internal-error.
FileRecord internal_error_record(const InputItem& item, std::string_view what);

}  // namespace dpslint::batch
