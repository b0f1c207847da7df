#pragma once

// The one way dpslint reads a file, for every command: regular files only, each kind of input
// with its size limit (docs/limits.md). A FIFO, socket or device is refused before a byte is read
// (opened with O_NONBLOCK, then checked with fstat), so no input can block dpslint or feed it
// without end.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "dpslint/bytes.hpp"
#include "dpslint/error.hpp"

namespace dpslint {

inline constexpr std::uint64_t mebibyte = 1024 * 1024;
// A PEM or DER certificate file: a device file, --trust, --untrusted, --presented, a ca/ file
// (`batch` has its own cap, --max-file-size, default the same).
inline constexpr std::uint64_t max_certificate_file_bytes = 1 * mebibyte;
// The largest `batch --max-file-size`.
inline constexpr std::uint64_t max_batch_file_bytes = 1024 * mebibyte;
// A CRL file (verify --crl): PEM with many CRLs, or DER. A large CA's CRL runs to megabytes.
inline constexpr std::uint64_t max_crl_file_bytes = 64 * mebibyte;
// One JSON file of a snapshot directory, or a single-file snapshot.
inline constexpr std::uint64_t max_snapshot_part_bytes = 256 * mebibyte;
// A .dpslint.json configuration.
inline constexpr std::uint64_t max_config_bytes = 1 * mebibyte;
// One line of a batch report read by batch-merge.
inline constexpr std::uint64_t max_report_line_bytes = 1 * mebibyte;
// One path read from standard input by `batch -`.
inline constexpr std::uint64_t max_path_line_bytes = 64 * 1024;

// A file over its kind's size limit (batch reports it as input.too-large).
class InputTooLarge : public InputError {
public:
    using InputError::InputError;
};

// The whole regular file at `path`, which must be at most `max_bytes` long; `kind` names the
// limit in messages ("certificate file"). Throws InputError(path, "", ...): "cannot read: no such
// file" (or the system's reason), "cannot read: is a directory", "not a regular file (a FIFO)";
// InputTooLarge: "N bytes is over the M-byte limit for a <kind>".
Bytes read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes,
                      std::string_view kind);

// A regular file read one line at a time ('\n' ends a line and is not part of it; a final line
// without one counts), each line at most `max_line_bytes`: the form of JSON Lines reports.
class InputLines {
public:
    // Throws InputError as read_input_file does (no overall size limit).
    InputLines(const std::filesystem::path& path, std::uint64_t max_line_bytes,
               std::string_view kind);
    ~InputLines();
    InputLines(const InputLines&) = delete;
    InputLines& operator=(const InputLines&) = delete;

    // The next line and the byte offset where it starts; false at the end of the file. Throws
    // InputError(path, "line N", ...) for a line over the limit or a read error.
    bool next(std::string& line, std::uint64_t& offset);
    // Continues reading at byte `offset` (a value next() returned).
    void seek(std::uint64_t offset);

private:
    void fill();

    std::string path_;
    std::uint64_t max_line_bytes_;
    std::string kind_;
    int fd_ = -1;
    std::string buffer_;
    std::size_t buffer_pos_ = 0;
    std::uint64_t buffer_offset_ = 0;  // file offset of buffer_[0]
    std::uint64_t line_number_ = 0;
    bool numbered_ = true;  // line_number_ is known (no seek yet)
    bool eof_ = false;
};

}  // namespace dpslint
