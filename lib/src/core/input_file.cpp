#include "dpslint/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dpslint {

namespace {

std::string file_type(mode_t mode) {
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a plain file";
}

std::string cannot_read(int error) {
    if (error == ENOENT)
        return "cannot read: no such file";
    if (error == EISDIR)
        return "cannot read: is a directory";
    return std::string("cannot read: ") + std::strerror(error);
}

std::string over_limit(std::uint64_t size, std::uint64_t limit, std::string_view kind,
                       bool at_least) {
    return (at_least ? "more than " : "") + std::to_string(size) + " bytes is over the "
           + std::to_string(limit) + "-byte limit for a " + std::string(kind);
}

// Opens `path` for reading without blocking and returns the descriptor of a regular file; the
// descriptor is closed and InputError thrown for anything else.
int open_regular(const std::string& path, struct stat& st) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        throw InputError(path, "", cannot_read(errno));
    if (::fstat(fd, &st) != 0) {
        const int error = errno;
        ::close(fd);
        throw InputError(path, "", cannot_read(error));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw InputError(path, "", cannot_read(EISDIR));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw InputError(
            path, "",
            "not a regular file (" + file_type(st.st_mode) + "); dpslint reads regular files only");
    }
    return fd;
}

// read(2) that retries on EINTR; -1 with errno set on failure.
ssize_t read_some(int fd, char* data, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(fd, data, size);
        if (n >= 0 || errno != EINTR)
            return n;
    }
}

struct Descriptor {
    int fd;
    ~Descriptor() { ::close(fd); }
};

}  // namespace

Bytes read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes,
                      std::string_view kind) {
    const std::string name = path.string();
    struct stat st {};
    const Descriptor file{open_regular(name, st)};
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes)
        throw InputTooLarge(name, "", over_limit(size, max_bytes, kind, false));
    // The file may grow while it is read: read at most one byte past the limit to notice.
    Bytes data(static_cast<std::size_t>(size) + 1);
    std::size_t used = 0;
    for (;;) {
        if (used == data.size()) {
            if (used > max_bytes)
                throw InputTooLarge(name, "", over_limit(max_bytes, max_bytes, kind, true));
            data.resize(std::min<std::uint64_t>(data.size() * 2, max_bytes + 1));
        }
        const ssize_t n =
            read_some(file.fd, reinterpret_cast<char*>(data.data() + used), data.size() - used);
        if (n < 0)
            throw InputError(name, "", cannot_read(errno));
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    if (used > max_bytes)
        throw InputTooLarge(name, "", over_limit(max_bytes, max_bytes, kind, true));
    data.resize(used);
    return data;
}

InputLines::InputLines(const std::filesystem::path& path, std::uint64_t max_line_bytes,
                       std::string_view kind)
    : path_(path.string()), max_line_bytes_(max_line_bytes), kind_(kind) {
    struct stat st {};
    fd_ = open_regular(path_, st);
}

InputLines::~InputLines() {
    ::close(fd_);
}

void InputLines::fill() {
    if (buffer_pos_ > 0) {
        buffer_.erase(0, buffer_pos_);
        buffer_offset_ += buffer_pos_;
        buffer_pos_ = 0;
    }
    constexpr std::size_t chunk = 64 * 1024;
    const std::size_t used = buffer_.size();
    buffer_.resize(used + chunk);
    const ssize_t n = read_some(fd_, buffer_.data() + used, chunk);
    if (n < 0) {
        const int error = errno;
        buffer_.resize(used);
        throw InputError(path_, "offset " + std::to_string(buffer_offset_ + used),
                         cannot_read(error));
    }
    buffer_.resize(used + static_cast<std::size_t>(n));
    eof_ = n == 0;
}

bool InputLines::next(std::string& line, std::uint64_t& offset) {
    std::size_t searched = 0;  // bytes after buffer_pos_ known to hold no newline
    for (;;) {
        const std::size_t newline = buffer_.find('\n', buffer_pos_ + searched);
        const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
        if (end - buffer_pos_ > max_line_bytes_) {
            const std::string place =
                numbered_ ? "line " + std::to_string(line_number_ + 1)
                          : "offset " + std::to_string(buffer_offset_ + buffer_pos_);
            throw InputError(path_, place,
                             "line longer than the " + std::to_string(max_line_bytes_)
                                 + "-byte limit for a " + kind_);
        }
        if (newline != std::string::npos || (eof_ && buffer_pos_ < buffer_.size())) {
            offset = buffer_offset_ + buffer_pos_;
            line.assign(buffer_, buffer_pos_, end - buffer_pos_);
            buffer_pos_ = newline == std::string::npos ? buffer_.size() : newline + 1;
            ++line_number_;
            return true;
        }
        if (eof_)
            return false;
        searched = end - buffer_pos_;
        fill();
    }
}

void InputLines::seek(std::uint64_t offset) {
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0)
        throw InputError(path_, "offset " + std::to_string(offset), cannot_read(errno));
    buffer_.clear();
    buffer_pos_ = 0;
    buffer_offset_ = offset;
    numbered_ = false;
    eof_ = false;
}

}  // namespace dpslint
