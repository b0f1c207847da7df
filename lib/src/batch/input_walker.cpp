#include "dpslint/batch/input_walker.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <istream>
#include <sys/stat.h>
#include <unistd.h>

#include "dpslint/input_file.hpp"

namespace dpslint::batch {

using DirectoryId = std::pair<std::uint64_t, std::uint64_t>;

struct InputWalker::Frame {
    std::string path;
    DirectoryId id;
    // Sorted by name. `regular`: readdir said regular file, so no stat is needed (on a cold cache
    // a stat per file on the walking thread would serialise one inode read per file).
    struct Entry {
        std::string name;
        bool regular = false;
    };
    std::vector<Entry> entries;
    std::size_t next = 0;
};

namespace {

std::string join(const std::string& dir, const std::string& name) {
    if (!dir.empty() && dir.back() == '/')
        return dir + name;
    return dir + "/" + name;
}

// std::getline without its unbounded memory: a line over `max` bytes is read to its end but not
// kept, and `too_long` says so. False at the end of the stream with nothing read.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t max, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    char c = 0;
    while (in.get(c)) {
        any = true;
        if (c == '\n')
            return true;
        if (line.size() < max)
            line += c;
        else
            too_long = true;
    }
    return any;
}

}  // namespace

InputWalker::InputWalker(std::vector<std::string> inputs, std::istream* paths_stream)
    : inputs_(std::move(inputs)), paths_stream_(paths_stream) {}

InputWalker::~InputWalker() = default;

void InputWalker::push_directory(const std::string& path, DirectoryId id) {
    auto frame = std::make_unique<Frame>();
    frame->path = path;
    frame->id = id;
    if (DIR* dir = ::opendir(path.c_str())) {
        while (const dirent* entry = ::readdir(dir)) {
            std::string name = entry->d_name;
            if (name != "." && name != "..")
                frame->entries.push_back({std::move(name), entry->d_type == DT_REG});
        }
        ::closedir(dir);
    }
    std::sort(frame->entries.begin(), frame->entries.end(),
              [](const Frame::Entry& a, const Frame::Entry& b) { return a.name < b.name; });
    visited_directories_.insert(id);
    stack_.push_back(std::move(frame));
}

// Classifies one path: yields it as a file or a problem, or descends into it and returns false.
bool InputWalker::emit_path(const std::string& path, InputItem& item) {
    item = InputItem{sequence_, path, {}};
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int error = errno;
        struct stat link {};
        if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            item.problem = error == ELOOP ? "symbolic link loop" : "dangling symbolic link";
        } else {
            item.problem = std::string("cannot read: ") + std::strerror(error);
        }
        ++sequence_;
        return true;
    }
    if (S_ISDIR(st.st_mode)) {
        const DirectoryId id{static_cast<std::uint64_t>(st.st_dev),
                             static_cast<std::uint64_t>(st.st_ino)};
        const bool ancestor =
            std::any_of(stack_.begin(), stack_.end(), [&](const auto& f) { return f->id == id; });
        if (ancestor) {
            item.problem = "directory symlink loop (leads back to an enclosing directory)";
            ++sequence_;
            return true;
        }
        if (visited_directories_.count(id) != 0) {
            item.problem = "directory already walked through another path";
            ++sequence_;
            return true;
        }
        if (::access(path.c_str(), R_OK | X_OK) != 0) {
            item.problem = std::string("cannot read directory: ") + std::strerror(errno);
            ++sequence_;
            return true;
        }
        push_directory(path, id);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        item.problem = "not a regular file";
    }
    ++sequence_;
    return true;
}

bool InputWalker::step(InputItem& item) {
    while (!stack_.empty()) {
        Frame& top = *stack_.back();
        if (top.next == top.entries.size()) {
            stack_.pop_back();
            continue;
        }
        const Frame::Entry& entry = top.entries[top.next++];
        std::string path = join(top.path, entry.name);
        if (entry.regular) {
            item = InputItem{sequence_++, std::move(path), {}};
            return true;
        }
        if (emit_path(path, item))
            return true;
    }
    return false;
}

bool InputWalker::next(InputItem& item) {
    for (;;) {
        if (step(item))
            return true;
        if (reading_stream_) {
            std::string line;
            bool too_long = false;
            while (read_bounded_line(*paths_stream_, line, max_path_line_bytes, too_long)) {
                if (too_long) {
                    item = InputItem{sequence_++, line.substr(0, 64) + "...",
                                     "path on standard input longer than the "
                                         + std::to_string(max_path_line_bytes) + "-byte limit"};
                    return true;
                }
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                if (line.empty())
                    continue;
                if (emit_path(line, item))
                    return true;
                break;  // a directory: walk it, then come back for more lines
            }
            if (!stack_.empty())
                continue;
            if (!*paths_stream_)
                reading_stream_ = false;
            if (reading_stream_)
                continue;
        }
        if (next_input_ == inputs_.size())
            return false;
        const std::string& input = inputs_[next_input_++];
        if (input == "-" && paths_stream_ != nullptr) {
            reading_stream_ = true;
            continue;
        }
        if (emit_path(input, item))
            return true;
    }
}

}  // namespace dpslint::batch
