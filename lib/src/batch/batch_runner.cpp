#include "dpslint/batch/batch_runner.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "dpslint/finding_catalogue.hpp"
#include "dpslint/output_text.hpp"

#include "batch/read_ahead.hpp"

namespace dpslint::batch {

namespace {

// Files per unit of work: big enough to amortise locking, small enough to balance threads.
constexpr std::size_t chunk_size = 32;
// Chunks queued or finished-but-not-delivered per worker.
constexpr std::size_t chunks_per_worker = 4;

struct Chunk {
    std::uint64_t number = 0;
    std::vector<InputItem> items;
};

// Processes one input; whatever it throws becomes the input's record.
FileRecord process_guarded(const BatchRunner::Work& work, const InputItem& item,
                           StageTimes& times) {
    try {
        return work(item, times);
    } catch (const std::exception& e) {
        return internal_error_record(item, e.what());
    } catch (...) {
        return internal_error_record(item, "unknown exception");
    }
}

}  // namespace

FileRecord internal_error_record(const InputItem& item, std::string_view what) {
    FileRecord r;
    r.sequence = item.sequence;
    r.path = item.path;
    r.error_id = std::string(input_finding::internal_error.id);
    r.error = one_line(item.path + ": could not be processed (internal error: " + std::string(what)
                       + "); please report it");
    return r;
}

BatchRunner::BatchRunner(const BatchProcessor& processor, unsigned jobs, Shard shard,
                         unsigned read_ahead_threads)
    : BatchRunner([&processor](const InputItem& item,
                               StageTimes& times) { return processor.process(item, times); },
                  jobs, shard, read_ahead_threads) {}

BatchRunner::BatchRunner(Work work, unsigned jobs, Shard shard, unsigned read_ahead_threads)
    : work_(std::move(work)),
      jobs_(jobs == 0 ? 1 : jobs),
      shard_(shard),
      read_ahead_threads_(read_ahead_threads) {}

StageTimes BatchRunner::run(InputWalker& walker,
                            const std::function<void(FileRecord&&)>& deliver) const {
    return run([&walker](InputItem& item) { return walker.next(item); }, deliver);
}

StageTimes BatchRunner::run(const Source& next,
                            const std::function<void(FileRecord&&)>& deliver) const {
    std::mutex mutex;
    std::condition_variable work_ready;
    std::condition_variable result_ready;
    std::deque<Chunk> queue;
    std::map<std::uint64_t, std::vector<FileRecord>> finished;
    bool closing = false;
    StageTimes total;
    ReadAhead read_ahead(read_ahead_threads_);
    std::vector<std::thread> workers;

    const auto work = [&] {
        StageTimes mine;
        for (;;) {
            Chunk chunk;
            {
                std::unique_lock lock(mutex);
                work_ready.wait(lock, [&] { return closing || !queue.empty(); });
                if (queue.empty())
                    break;
                chunk = std::move(queue.front());
                queue.pop_front();
            }
            std::vector<FileRecord> records;
            records.reserve(chunk.items.size());
            for (const auto& item : chunk.items)
                records.push_back(process_guarded(work_, item, mine));
            {
                std::lock_guard lock(mutex);
                finished.emplace(chunk.number, std::move(records));
            }
            result_ready.notify_all();
        }
        std::lock_guard lock(mutex);
        total += mine;
    };

    const std::size_t window = chunks_per_worker * jobs_;
    std::uint64_t next_chunk = 0;    // numbers handed out
    std::uint64_t next_deliver = 0;  // numbers delivered
    const auto deliver_ready = [&](bool wait_for_one) {
        for (;;) {
            std::vector<FileRecord> records;
            {
                std::unique_lock lock(mutex);
                if (wait_for_one) {
                    result_ready.wait(lock, [&] { return finished.count(next_deliver) != 0; });
                }
                const auto it = finished.find(next_deliver);
                if (it == finished.end())
                    return;
                records = std::move(it->second);
                finished.erase(it);
            }
            ++next_deliver;
            wait_for_one = false;
            for (auto& r : records)
                deliver(std::move(r));
        }
    };
    const auto feed_and_deliver = [&] {
        bool walk_done = false;
        while (!walk_done) {
            Chunk chunk{next_chunk, {}};
            InputItem item;
            while (chunk.items.size() < chunk_size) {
                if (!next(item)) {
                    walk_done = true;
                    break;
                }
                if (shard_.takes(item.sequence)) {
                    if (item.problem.empty())
                        read_ahead.add(item.path);
                    chunk.items.push_back(std::move(item));
                }
            }
            if (!chunk.items.empty()) {
                {
                    std::lock_guard lock(mutex);
                    queue.push_back(std::move(chunk));
                }
                work_ready.notify_one();
                ++next_chunk;
            }
            deliver_ready(next_chunk - next_deliver >= window);
        }
        while (next_deliver < next_chunk)
            deliver_ready(true);
    };
    // Stops and joins the workers, also on the way out of an exception: destroying a joinable
    // thread would call std::terminate.
    const auto stop_workers = [&] {
        {
            std::lock_guard lock(mutex);
            closing = true;
            queue.clear();
        }
        work_ready.notify_all();
        for (auto& t : workers)
            t.join();
    };

    try {
        for (unsigned w = 0; w < jobs_; ++w)
            workers.emplace_back(work);
        feed_and_deliver();
    } catch (...) {
        stop_workers();
        throw;
    }
    stop_workers();
    return total;
}

}  // namespace dpslint::batch
