// ReadAhead is only a hint to the kernel: whatever it is given, it must neither block the batch
// nor outlive it.
#include "batch/read_ahead.hpp"

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "support/testdata.hpp"

using dpslint::batch::ReadAhead;

TEST_CASE("read-ahead takes files, missing paths and FIFOs and stops promptly", "[batch]") {
    const auto dir = std::filesystem::temp_directory_path()
                     / ("dpslint-read-ahead-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string fifo = (dir / "fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    {
        ReadAhead read_ahead(4);
        for (int i = 0; i < 10000; ++i) {  // more than it queues: the rest is dropped
            read_ahead.add(dpslint::test::testdata("pki/leaves/valid-p256.pem"));
            read_ahead.add((dir / "missing.pem").string());
            read_ahead.add(fifo);  // opened non-blocking: no writer needed
        }
    }  // joins its threads here; a FIFO that blocked them would hang the test
    {
        ReadAhead none(0);
        none.add(fifo);
    }
    std::filesystem::remove_all(dir);
    SUCCEED("returned");
}
