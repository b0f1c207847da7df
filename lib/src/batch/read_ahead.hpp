#pragma once

// Starts the kernel reading files shortly before the workers need them.
//
// On a cold page cache a batch of small certificate files is bound by storage latency, not CPU:
// each file costs an inode read and a data read, and a worker that opens files one after another
// keeps one request in flight. A few threads that open each upcoming file and advise
// POSIX_FADV_WILLNEED keep many requests in flight, so the workers find the files in the page
// cache. With a warm cache that is wasted work competing with the workers for the cores (an
// open, a close and a thread wake-up per file: about a tenth of a P-256 leaf's cost), so after
// a long run of files that were already cached it looks at only one file in `sample_every`, and
// goes back to every file at the first one that was not.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dpslint::batch {

class ReadAhead {
public:
    // `threads` == 0: no read-ahead, add() does nothing.
    explicit ReadAhead(unsigned threads);
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // Queues a path (called from one thread). Paths the threads have not reached when the queue
    // holds `max_pending` are dropped: read-ahead is a hint, and a stalled disk must not grow
    // memory.
    void add(const std::string& path);

private:
    void run();

    static constexpr std::size_t max_pending = 4096;
    static constexpr std::uint64_t warm_streak = 256;
    static constexpr std::uint64_t sample_every = 16;
    // Files found cached one after another; reset by the first that was not.
    std::atomic<std::uint64_t> cached_streak_{0};
    std::uint64_t added_ = 0;  // add() calls, for sampling (add() runs on one thread)
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::string> pending_;
    bool closing_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace dpslint::batch
