#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint::batch {

// One input as the walk yields it. `sequence` numbers every input in walk order, before any
// sharding, so shards and merged reports agree on positions.
struct InputItem {
    std::uint64_t sequence = 0;
    std::string path;
    std::string problem;  // non-empty: cannot be read as a file (loop, unreadable directory ...)
};

// Walks INPUT arguments deterministically, one item at a time, without listing everything
// first: files as given; directories recursively, entries sorted by name; directory symlinks
// followed, a symlink back into its own ancestry reported as a loop; "-" reads one path per
// line from `paths_stream`. Memory: the open directory listings along the current path.
class InputWalker {
public:
    InputWalker(std::vector<std::string> inputs, std::istream* paths_stream = nullptr);
    ~InputWalker();
    InputWalker(const InputWalker&) = delete;
    InputWalker& operator=(const InputWalker&) = delete;

    // The next input, or false when the walk is over.
    bool next(InputItem& item);

private:
    struct Frame;
    bool step(InputItem& item);
    bool emit_path(const std::string& path, InputItem& item);
    void push_directory(const std::string& path, std::pair<std::uint64_t, std::uint64_t> id);

    std::vector<std::string> inputs_;
    std::size_t next_input_ = 0;
    std::istream* paths_stream_;
    bool reading_stream_ = false;
    std::vector<std::unique_ptr<Frame>> stack_;
    std::set<std::pair<std::uint64_t, std::uint64_t>> visited_directories_;
    std::uint64_t sequence_ = 0;
};

}  // namespace dpslint::batch
DPSLINT_API_END
