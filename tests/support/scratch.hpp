#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dpslint::test {

// A directory of the test's own under the system temporary directory, removed at the end.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const noexcept { return path_; }
    // Writes `content` to path()/name and returns the full path as a string.
    std::string write(std::string_view name, std::string_view content) const;

private:
    std::filesystem::path path_;
};

}  // namespace dpslint::test
