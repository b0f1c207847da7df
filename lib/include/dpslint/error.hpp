#pragma once

#include <stdexcept>
#include <string>

namespace dpslint {

// Input that cannot be processed at all: unreadable, malformed, wrong type. The CLI turns it into
// one line on stderr and exit status 2. `place` says where in the file: "line 12", "block 2
// (line 14)", "offset 311", "/3/attestation/x509" (a JSON pointer), "certificate 4".
// The three parts are stored as one_line() shows them (output_text.hpp): whatever bytes an input
// puts into a file name or a message, what() is one printable line of bounded length.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::string place, std::string detail);

    const std::string& file() const noexcept { return file_; }
    const std::string& place() const noexcept { return place_; }
    const std::string& detail() const noexcept { return detail_; }

private:
    std::string file_;
    std::string place_;
    std::string detail_;
};

}  // namespace dpslint
