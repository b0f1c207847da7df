#include "batch/read_ahead.hpp"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

namespace dpslint::batch {

ReadAhead::ReadAhead(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i)
        threads_.emplace_back([this] { run(); });
}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
        pending_.clear();
    }
    ready_.notify_all();
    for (auto& t : threads_)
        t.join();
}

void ReadAhead::add(const std::string& path) {
    if (threads_.empty())
        return;
    const std::uint64_t n = added_++;
    if (cached_streak_.load(std::memory_order_relaxed) >= warm_streak && n % sample_every != 0)
        return;
    {
        std::lock_guard lock(mutex_);
        if (pending_.size() >= max_pending)
            return;
        pending_.push_back(path);
    }
    ready_.notify_one();
}

void ReadAhead::run() {
    for (;;) {
        std::string path;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return closing_ || !pending_.empty(); });
            if (closing_)
                return;
            path = std::move(pending_.front());
            pending_.pop_front();
        }
        // O_NONBLOCK: a FIFO among the inputs must not hold the thread.
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
        if (fd < 0)
            continue;  // the worker reports why, when it gets there
        // RWF_NOWAIT reads only what is cached: EAGAIN says the file still has to come from
        // storage (and so does any error: then the hint is given anyway).
        char byte = 0;
        iovec one{&byte, 1};
        if (::preadv2(fd, &one, 1, 0, RWF_NOWAIT) >= 0) {
            cached_streak_.fetch_add(1, std::memory_order_relaxed);
        } else {
            cached_streak_.store(0, std::memory_order_relaxed);
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
        }
        ::close(fd);
    }
}

}  // namespace dpslint::batch
