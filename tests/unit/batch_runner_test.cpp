// The ordered pool of `dpslint batch` on its own: order, exactly-once delivery and what happens to
// exceptions, with a synthetic source and work function (no files, no certificates).
#include "dpslint/batch/batch_runner.hpp"

#include <algorithm>
#include <chrono>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

using namespace dpslint::batch;

namespace batch_runner_test {

namespace {

BatchRunner::Source count_to(std::uint64_t n) {
    return [n, next = std::uint64_t{0}](InputItem& item) mutable {
        if (next == n)
            return false;
        item = InputItem{next, "item-" + std::to_string(next), {}};
        ++next;
        return true;
    };
}

// Unequal durations so that workers finish out of order.
FileRecord slow_record(const InputItem& item) {
    std::this_thread::sleep_for(std::chrono::microseconds((item.sequence * 7919) % 300));
    FileRecord r;
    r.sequence = item.sequence;
    r.path = item.path;
    return r;
}

}  // namespace

TEST_CASE("the batch pool delivers every input once, in order, whatever the thread count",
          "[batch][hostile]") {
    for (const unsigned jobs : {1u, 2u, 7u}) {
        const BatchRunner runner(
            [](const InputItem& item, StageTimes&) { return slow_record(item); }, jobs);
        std::vector<std::uint64_t> seen;
        runner.run(count_to(1000), [&](FileRecord&& r) { seen.push_back(r.sequence); });
        REQUIRE(seen.size() == 1000);
        for (std::uint64_t i = 0; i < seen.size(); ++i)
            REQUIRE(seen[i] == i);
    }
}

TEST_CASE("an exception while processing an input becomes that input's record",
          "[batch][hostile]") {
    const BatchRunner runner(
        [](const InputItem& item, StageTimes&) -> FileRecord {
            switch (item.sequence % 10) {
                case 3:
                    throw std::runtime_error("broken \xFF input");
                case 5:
                    throw std::bad_alloc();
                case 7:
                    throw 42;  // not even a std::exception
                default:
                    return slow_record(item);
            }
        },
        3);
    std::vector<FileRecord> records;
    runner.run(count_to(200), [&](FileRecord&& r) { records.push_back(std::move(r)); });
    REQUIRE(records.size() == 200);
    for (std::uint64_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        INFO(i);
        REQUIRE(r.sequence == i);
        CHECK(r.path == "item-" + std::to_string(i));
        const bool thrown = i % 10 == 3 || i % 10 == 5 || i % 10 == 7;
        CHECK(r.rejected() == thrown);
        if (thrown) {
            CHECK(r.error_id == "input.internal-error");
            CHECK(r.error.find('\n') == std::string::npos);
        }
    }
    CHECK(records[3].error == "item-3: could not be processed (internal error: broken \\xFF "
                              "input); please report it");
    CHECK(records[7].error
          == "item-7: could not be processed (internal error: unknown exception); please "
             "report it");
}

TEST_CASE("an exception on the delivering thread stops the pool and propagates",
          "[batch][hostile]") {
    const BatchRunner runner([](const InputItem& item, StageTimes&) { return slow_record(item); },
                             4);
    std::uint64_t delivered = 0;
    CHECK_THROWS_WITH(runner.run(count_to(100'000),
                                 [&](FileRecord&&) {
                                     if (++delivered == 50)
                                         throw std::runtime_error("report disk full");
                                 }),
                      "report disk full");
    CHECK(delivered == 50);

    std::uint64_t walked = 0;
    const BatchRunner::Source failing_walk = [&](InputItem& item) {
        if (walked == 300)
            throw std::runtime_error("walk failed");
        item = InputItem{walked, "x", {}};
        ++walked;
        return true;
    };
    CHECK_THROWS_WITH(runner.run(failing_walk, [](FileRecord&&) {}), "walk failed");
}

TEST_CASE("the batch pool with no input, one input and many", "[batch]") {
    for (const unsigned jobs : {1u, 4u}) {
        const BatchRunner runner(
            [](const InputItem& item, StageTimes&) { return slow_record(item); }, jobs);
        for (const std::uint64_t n : {0u, 1u, 33u}) {
            std::vector<std::uint64_t> seen;
            runner.run(count_to(n), [&](FileRecord&& r) { seen.push_back(r.sequence); });
            REQUIRE(seen.size() == n);
            for (std::uint64_t i = 0; i < n; ++i)
                CHECK(seen[i] == i);
        }
    }
}

TEST_CASE("the batch pool reads ahead of delivery only a bounded number of inputs",
          "[batch][hostile]") {
    // A slow consumer (a report on a slow disk) must not let the walk run ahead and hold a
    // million records in memory: at most a few chunks per worker are in flight.
    constexpr unsigned jobs = 2;
    const BatchRunner runner([](const InputItem& item, StageTimes&) { return slow_record(item); },
                             jobs);
    std::uint64_t pulled = 0;
    const auto source = count_to(20'000);
    std::uint64_t delivered = 0;
    std::uint64_t most_ahead = 0;
    runner.run(
        [&](InputItem& item) {
            const bool more = source(item);
            pulled += more;
            return more;
        },
        [&](FileRecord&&) {
            ++delivered;
            most_ahead = std::max(most_ahead, pulled - delivered);
            if (delivered % 1000 == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        });
    CHECK(delivered == 20'000);
    // 4 chunks of 32 inputs per worker, plus the chunk being filled.
    CHECK(most_ahead <= (4 * jobs + 1) * 32);
    CHECK(most_ahead > 0);
}

TEST_CASE("a shard takes every N-th input and still delivers in order", "[batch]") {
    const BatchRunner runner([](const InputItem& item, StageTimes&) { return slow_record(item); },
                             3, Shard{2, 3});
    std::vector<std::uint64_t> seen;
    runner.run(count_to(100), [&](FileRecord&& r) { seen.push_back(r.sequence); });
    REQUIRE(seen.size() == 33);
    for (std::size_t i = 0; i < seen.size(); ++i)
        CHECK(seen[i] == 3 * i + 1);
}

}  // namespace batch_runner_test
