// The input layer every command reads files through: regular files only, a size limit per kind.
#include "dpslint/input_file.hpp"

#include <string>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "support/scratch.hpp"

using namespace dpslint;

namespace input_file_test {

namespace {

std::string read_error(const std::filesystem::path& path, std::uint64_t limit = 100) {
    try {
        read_input_file(path, limit, "test input");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("read_input_file reads regular files within the limit", "[input][hostile]") {
    const test::ScratchDir dir("input-file");
    const auto file = dir.write("ok.txt", "hello");
    CHECK(read_input_file(file, 5, "test input") == Bytes{'h', 'e', 'l', 'l', 'o'});
    CHECK(read_input_file(dir.write("empty", ""), 5, "test input").empty());
}

TEST_CASE("read_input_file refuses FIFOs, devices, directories and oversized files",
          "[input][hostile]") {
    const test::ScratchDir dir("input-file");
    const auto fifo = dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // No writer: a blocking open or read would hang here.
    CHECK(read_error(fifo) == fifo.string() + ": not a regular file (a FIFO); dpslint reads "
                                              "regular files only");
    CHECK(read_error("/dev/zero")
          == "/dev/zero: not a regular file (a character device); dpslint reads regular files "
             "only");
    CHECK(read_error(dir.path()) == dir.path().string() + ": cannot read: is a directory");
    CHECK(read_error(dir / "missing")
          == (dir / "missing").string() + ": cannot read: no such file");
    const auto big = dir.write("big", std::string(101, 'x'));
    CHECK(read_error(big)
          == big.string() + ": 101 bytes is over the 100-byte limit for a test input");
    CHECK_THROWS_AS(read_input_file(big, 100, "test input"), InputTooLarge);
    CHECK_NOTHROW(read_input_file(big, 101, "test input"));
}

TEST_CASE("InputLines yields lines with their offsets and bounds their length",
          "[input][hostile]") {
    const test::ScratchDir dir("input-lines");
    const auto file = dir.write("lines", "one\n\ntwo\nthree");
    InputLines lines(file, 10, "test line");
    std::string line;
    std::uint64_t offset = 0;
    REQUIRE(lines.next(line, offset));
    CHECK((line == "one" && offset == 0));
    REQUIRE(lines.next(line, offset));
    CHECK((line.empty() && offset == 4));
    REQUIRE(lines.next(line, offset));
    CHECK((line == "two" && offset == 5));
    REQUIRE(lines.next(line, offset));
    CHECK((line == "three" && offset == 9));
    CHECK_FALSE(lines.next(line, offset));
    lines.seek(5);
    REQUIRE(lines.next(line, offset));
    CHECK((line == "two" && offset == 5));

    // A line over the limit is an error however long it is, without reading it all.
    std::string text = "short\n" + std::string(300'000, 'x') + "\n";
    InputLines long_lines(dir.write("long", text), 1000, "test line");
    REQUIRE(long_lines.next(line, offset));
    try {
        long_lines.next(line, offset);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what())
              == (dir / "long").string()
                     + ":line 2: line longer than the 1000-byte limit for a test line");
    }
    const auto fifo = dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_AS(InputLines(fifo, 10, "test line"), InputError);
}

}  // namespace input_file_test
